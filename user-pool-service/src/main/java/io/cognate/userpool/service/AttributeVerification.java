package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.triggers.PoolCall;
import io.smallrye.mutiny.Uni;

/**
 * Verification of email addresses and phone numbers (GetUserAttributeVerificationCode, VerifyUserAttribute, and the
 * code a changed address gets where the pool auto-verifies it). Where the pool's UserAttributeUpdateSettings require
 * it, a changed address waits among the user's pending attributes and replaces the old, still verified one only once
 * its code is entered. Codes are valid for 24 hours, at most five an hour per user.
 */
@ApplicationScoped
public class AttributeVerification {
    private static final Duration CODE_TTL = Duration.ofHours(24);
    private static final List<String> VERIFIABLE = List.of("email", "phone_number");

    private final ConfirmationCodes codes;
    private final CodeDelivery delivery;
    private final UserRepository users;
    private final Aliases aliases;
    private final Outbox outbox;

    public AttributeVerification(ConfirmationCodes codes, CodeDelivery delivery, UserRepository users, Aliases aliases,
            Outbox outbox) {
        this.codes = codes;
        this.delivery = delivery;
        this.users = users;
        this.aliases = aliases;
        this.outbox = outbox;
    }

    /**
     * Issues a code for the attribute's value (the pending one if there is one) and sends it, as {@code kind}
     * (UPDATE_USER_ATTRIBUTE after a change, VERIFY_USER_ATTRIBUTE when asked for); where it went.
     */
    public Uni<CodeDeliveryDetails> sendCode(UserPool pool, PoolCall call, UserEntity user, String attribute,
            CodeDelivery.Kind kind) {
        requireVerifiable(attribute);
        String value = user.pendingAttributes().getOrDefault(attribute, UserAttributes.of(user).get(attribute));
        if (value == null) {
            throw INVALID_PARAMETER.withMessage("The user has no %s to verify.", attribute);
        }
        return codes.issue(user, purpose(attribute), CODE_TTL)
                .chain(code -> delivery.send(pool, call, user, kind, CodeDelivery.Medium.of(attribute), value, code));
    }

    /** Consumes the code; the attribute (its pending value, if any) is then verified. */
    public Uni<Void> verify(UserPool pool, UserEntity user, String attribute, String code) {
        requireVerifiable(attribute);
        return codes.consume(user, purpose(attribute), code).chain(() -> {
            Map<String, String> before = UserAttributes.of(user);
            Map<String, String> attributes = UserAttributes.of(user);
            Map<String, String> pending = user.pendingAttributes();
            String value = pending.remove(attribute);
            if (value != null) {
                attributes.put(attribute, value);
            }
            attributes.put(attribute + "_verified", "true");
            UserAttributes.store(user, pool, attributes);
            user.pendingAttributes(pending);
            user.updatedAt = Instant.now();
            return aliases.claim(pool, user, before, attributes, false).chain(() -> users.persist(user))
                    .chain(() -> outbox.record(UserEventType.AttributesChanged, user, Map.of()));
        });
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
