package io.cognate.userpool.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.messaging.HtmlEscape;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.model.Message;
import io.cognate.userpool.repository.UserEntity;
import io.smallrye.mutiny.Uni;

/**
 * Every message that carries a code or a temporary password: picks the pool's template for what it is and how it
 * goes, fills in {@code {####}} and {@code {username}}, sends it by mail or to the SMS sender, and reports where it
 * went. The one place messages are made, so the one place CustomMessage and the custom sender triggers will plug in.
 */
@ApplicationScoped
public class CodeDelivery {
    static final Pattern LINK_PLACEHOLDER = Pattern.compile("\\{##(.+?)##\\}");

    /** What a message is for; the names of Cognito's CustomMessage trigger sources. */
    public enum Kind {
        SIGN_UP("SIGN_UP"),
        RESEND_CODE("SIGN_UP"),
        FORGOT_PASSWORD("FORGOT_PASSWORD"),
        UPDATE_USER_ATTRIBUTE("VERIFY_ATTRIBUTE"),
        VERIFY_USER_ATTRIBUTE("VERIFY_ATTRIBUTE"),
        ADMIN_CREATE_USER("INVITATION"),
        AUTHENTICATION("SMS_MFA");

        /** The purpose an SMS gateway sees (the SMS topic's {@code purpose}). */
        private final String smsPurpose;

        Kind(String smsPurpose) {
            this.smsPurpose = smsPurpose;
        }
    }

    /** Mail or text message; {@code attribute} is where the destination comes from. */
    public enum Medium {
        EMAIL("email"),
        SMS("phone_number");

        private final String attribute;

        Medium(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }

        public static Medium of(String attribute) {
            return "phone_number".equals(attribute) ? SMS : EMAIL;
        }
    }

    private final Mail mail;
    private final SmsSender sms;
    private final String publicBaseUrl;

    public CodeDelivery(Mail mail, SmsSender sms, CognateConfig config) {
        this.mail = mail;
        this.sms = sms;
        this.publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /**
     * Sends {@code code} to the user's {@code destination}; for ADMIN_CREATE_USER the code is the temporary password
     * and {@code name} the name the invitation shows. The sign-up code of a CONFIRM_WITH_LINK pool goes as a link
     * for {@code clientId}.
     */
    public Uni<CodeDeliveryDetails> send(UserPool pool, UserEntity user, Kind kind, Medium medium, String destination,
            String code, String name, String clientId) {
        if (medium == Medium.SMS) {
            String text = fill(smsTemplate(pool, kind).body(), name, code);
            return sms.send(pool.id(), destination, text, kind.smsPurpose)
                    .replaceWith(() -> CodeDeliveryDetails.sms(destination));
        }
        boolean link = (kind == Kind.SIGN_UP || kind == Kind.RESEND_CODE) && pool.confirmsWithLink();
        Message template = link ? pool.verificationLinkEmail() : emailTemplate(pool, kind);
        String body = link ? withLink(template.body(), confirmationLink(clientId, user.username, code))
                : fill(template.body(), name, code);
        return mail.send(pool.emailSender(), destination, template.subject(), body)
                .replaceWith(() -> CodeDeliveryDetails.email(destination));
    }

    /** {@link #send} with the user's own name, to the user's attribute for the medium. */
    public Uni<CodeDeliveryDetails> send(UserPool pool, UserEntity user, Kind kind, Medium medium, String destination,
            String code) {
        return send(pool, user, kind, medium, destination, code, user.username, null);
    }

    private static Message emailTemplate(UserPool pool, Kind kind) {
        return switch (kind) {
            case ADMIN_CREATE_USER -> pool.invitationEmail();
            case AUTHENTICATION -> pool.mfaEmail();
            default -> pool.verificationEmail();
        };
    }

    private static Message smsTemplate(UserPool pool, Kind kind) {
        return switch (kind) {
            case ADMIN_CREATE_USER -> pool.invitationSms();
            case AUTHENTICATION -> pool.mfaSms();
            default -> pool.verificationSms();
        };
    }

    static String fill(String template, String username, String code) {
        return template.replace("{username}", username).replace("{####}", code);
    }

    /** CONFIRM_WITH_LINK: the link that confirms the sign-up (GET /confirmUser, as Cognito's hosted UI serves it). */
    private String confirmationLink(String clientId, String username, String code) {
        return publicBaseUrl + "/confirmUser?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&user_name=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&confirmation_code=" + code;
    }

    /** Replaces the {##link text##} placeholder with an HTML link; the message becomes HTML. */
    static String withLink(String template, String link) {
        Matcher placeholder = LINK_PLACEHOLDER.matcher(template);
        String html = HtmlEscape.text(template);
        if (!placeholder.find()) {
            return html + "<br><a href=\"" + HtmlEscape.text(link) + "\">" + HtmlEscape.text(link) + "</a>";
        }
        String anchor = "<a href=\"" + HtmlEscape.text(link) + "\">" + HtmlEscape.text(placeholder.group(1)) + "</a>";
        return html.replace(HtmlEscape.text(placeholder.group()), anchor);
    }
}
