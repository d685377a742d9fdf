package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.messaging.Mail;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.SmsSender;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Verification of email addresses and phone numbers (GetUserAttributeVerificationCode, VerifyUserAttribute, and the code a
 * changed
 * address gets where the pool auto-verifies it). Where the pool's UserAttributeUpdateSettings require it, a changed
 * address waits in {@code pendingAttributes} and replaces the old, still verified one only once its code is entered.
 * Codes are valid for 24 hours, at most five an hour per user.
 */
@ApplicationScoped
public class AttributeVerification {
    private static final Duration CODE_TTL = Duration.ofHours(24);
    private static final List<String> VERIFIABLE = List.of("email", "phone_number");

    private final ConfirmationCodes codes;
    private final Mail mail;
    private final SmsSender sms;
    private final UserRepository users;
    private final Outbox outbox;

    public AttributeVerification(ConfirmationCodes codes, Mail mail, SmsSender sms, UserRepository users, Outbox outbox) {
        this.codes = codes;
        this.mail = mail;
        this.sms = sms;
        this.users = users;
        this.outbox = outbox;
    }

    /** Issues a code for the attribute's value (the pending one if there is one) and sends it; its delivery. */
    public Uni<ObjectNode> sendCode(UserPool pool, UserEntity user, String attribute) {
        requireVerifiable(attribute);
        String value = pending(user).getOrDefault(attribute, UserAttributes.of(user).get(attribute));
        if (value == null) {
            throw INVALID_PARAMETER.withMessage("The user has no %s to verify.", attribute);
        }
        if ("phone_number".equals(attribute)) {
            return codes.issue(user, purpose(attribute), CODE_TTL)
                    .call(code -> sms.send(pool.id(), value, SignUpService.fill(pool.verificationSms(), user.username,
                            code), "VERIFY_ATTRIBUTE"))
                    .replaceWith(() -> SignUpService.smsDelivery(value));
        }
        String[] message = pool.verificationEmail();
        return codes.issue(user, purpose(attribute), CODE_TTL)
                .call(code -> mail.send(pool.emailSender(), value, message[0],
                        SignUpService.fill(message[1], user.username, code)))
                .replaceWith(() -> SignUpService.emailDelivery(value));
    }

    /** Consumes the code; the attribute (its pending value, if any) is then verified. */
    public Uni<Void> verify(UserPool pool, UserEntity user, String attribute, String code) {
        requireVerifiable(attribute);
        return codes.consume(user, purpose(attribute), code).chain(() -> {
            Map<String, String> attributes = UserAttributes.of(user);
            Map<String, String> pending = pending(user);
            String value = pending.remove(attribute);
            if (value != null) {
                attributes.put(attribute, value);
            }
            attributes.put(attribute + "_verified", "true");
            UserAttributes.store(user, pool, attributes);
            setPending(user, pending);
            user.updatedAt = Instant.now();
            return users.persist(user).chain(() -> outbox.record(UserEventType.AttributesChanged, user, Map.of()));
        });
    }

    /** Whether a change of this attribute must be verified before it replaces the current, verified value. */
    static boolean verifiedBeforeUpdate(UserPool pool, String attribute) {
        for (var name : pool.settings().path("UserAttributeUpdateSettings")
                .path("AttributesRequireVerificationBeforeUpdate")) {
            if (attribute.equals(name.asText())) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> pending(UserEntity user) {
        Map<String, String> pending = new LinkedHashMap<>();
        if (user.pendingAttributes != null) {
            Json.parseObject(user.pendingAttributes).fields()
                    .forEachRemaining(field -> pending.put(field.getKey(), field.getValue().asText()));
        }
        return pending;
    }

    static void setPending(UserEntity user, Map<String, String> pending) {
        if (pending.isEmpty()) {
            user.pendingAttributes = null;
            return;
        }
        ObjectNode json = Json.object();
        pending.forEach(json::put);
        user.pendingAttributes = Json.write(json);
    }

    private static void requireVerifiable(String attribute) {
        if (!VERIFIABLE.contains(attribute)) {
            throw INVALID_PARAMETER.withMessage("Only email and phone_number can be verified, not %s.", attribute);
        }
    }

    private static String purpose(String attribute) {
        return "VERIFY_" + attribute.toUpperCase(Locale.ROOT);
    }
}
