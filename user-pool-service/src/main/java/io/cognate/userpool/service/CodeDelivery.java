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
import io.cognate.userpool.triggers.CustomMessageAnswer;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * Every message that carries a code or a temporary password: picks the pool's template for what it is and how it
 * goes, fills in {@code {####}} and {@code {username}}, sends it by mail or to the SMS sender, and reports where it
 * went. The one place messages are made: where the CustomMessage trigger gives its own text, and where a custom
 * sender trigger, when the pool has one for the medium, sends in Cognate's place (CustomMessage is then not run).
 */
@ApplicationScoped
public class CodeDelivery {
    static final Pattern LINK_PLACEHOLDER = Pattern.compile("\\{##(.+?)##\\}");

    /** What a message is for, with its CustomMessage trigger source. */
    public enum Kind {
        SIGN_UP("SIGN_UP", "CustomMessage_SignUp"),
        RESEND_CODE("SIGN_UP", "CustomMessage_ResendCode"),
        FORGOT_PASSWORD("FORGOT_PASSWORD", "CustomMessage_ForgotPassword"),
        UPDATE_USER_ATTRIBUTE("VERIFY_ATTRIBUTE", "CustomMessage_UpdateUserAttribute"),
        VERIFY_USER_ATTRIBUTE("VERIFY_ATTRIBUTE", "CustomMessage_VerifyUserAttribute"),
        ADMIN_CREATE_USER("INVITATION", "CustomMessage_AdminCreateUser"),
        AUTHENTICATION("SMS_MFA", "CustomMessage_Authentication");

        /** The purpose an SMS gateway sees (the SMS topic's {@code purpose}). */
        private final String smsPurpose;
        private final String triggerSource;

        Kind(String smsPurpose, String triggerSource) {
            this.smsPurpose = smsPurpose;
            this.triggerSource = triggerSource;
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
    private final Triggers triggers;

    public CodeDelivery(Mail mail, SmsSender sms, CognateConfig config, Triggers triggers) {
        this.triggers = triggers;
        this.mail = mail;
        this.sms = sms;
        this.publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /**
     * Sends {@code code} to the user's {@code destination}, for the operation of {@code call} (its app client and
     * ClientMetadata go to the triggers); for ADMIN_CREATE_USER the code is the temporary password and {@code name}
     * the name the invitation shows. The sign-up code of a CONFIRM_WITH_LINK pool goes as a link for the call's
     * client.
     */
    public Uni<CodeDeliveryDetails> send(UserPool pool, PoolCall call, UserEntity user, Kind kind, Medium medium,
            String destination, String code, String name) {
        boolean sms = medium == Medium.SMS;
        if (call.lambda().customSender(sms) != null) {
            String source = kind.triggerSource.replace("CustomMessage_", sms ? "CustomSMSSender_"
                    : "CustomEmailSender_");
            return triggers.customSender(call, sms, source, user.username, UserAttributes.ofTrigger(user), code,
                    kind == Kind.ADMIN_CREATE_USER)
                    .replaceWith(() -> sms ? CodeDeliveryDetails.sms(destination)
                            : CodeDeliveryDetails.email(destination));
        }
        return triggers.customMessage(call, kind.triggerSource, user.username, UserAttributes.ofTrigger(user),
                kind == Kind.ADMIN_CREATE_USER)
                .chain(custom -> send(pool, user, kind, medium, destination, code, name, call.clientId(), custom));
    }

    /** The message, in the pool's template or the CustomMessage trigger's text where it gave one. */
    private Uni<CodeDeliveryDetails> send(UserPool pool, UserEntity user, Kind kind, Medium medium,
            String destination, String code, String name, String clientId, CustomMessageAnswer custom) {
        if (medium == Medium.SMS) {
            String text = fill(custom.smsMessage() != null ? custom.smsMessage() : smsTemplate(pool, kind).body(), name,
                    code);
            return sms.send(pool.id(), destination, text, kind.smsPurpose)
                    .replaceWith(() -> CodeDeliveryDetails.sms(destination));
        }
        boolean link = (kind == Kind.SIGN_UP || kind == Kind.RESEND_CODE) && pool.confirmsWithLink();
        Message template = link ? pool.verificationLinkEmail() : emailTemplate(pool, kind);
        String subject = custom.emailSubject() != null ? custom.emailSubject() : template.subject();
        String text = custom.emailMessage() != null ? custom.emailMessage() : template.body();
        String body = link ? withLink(text, confirmationLink(clientId, user.username, code)) : fill(text, name, code);
        return mail.send(pool.emailSender(), destination, subject, body)
                .replaceWith(() -> CodeDeliveryDetails.email(destination));
    }

    /** {@link #send} with the user's own name. */
    public Uni<CodeDeliveryDetails> send(UserPool pool, PoolCall call, UserEntity user, Kind kind, Medium medium,
            String destination, String code) {
        return send(pool, call, user, kind, medium, destination, code, user.username);
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
