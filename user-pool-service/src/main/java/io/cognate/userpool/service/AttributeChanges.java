package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/** Updating and deleting a user's attributes, for admins and for users themselves alike. */
@ApplicationScoped
public class AttributeChanges {
    private final UserRepository users;
    private final Outbox outbox;
    private final AttributeVerification verification;
    private final Aliases aliases;

    public AttributeChanges(UserRepository users, Outbox outbox, AttributeVerification verification, Aliases aliases) {
        this.users = users;
        this.outbox = outbox;
        this.verification = verification;
        this.aliases = aliases;
    }

    /**
     * Applies the updates in the caller's transaction. A changed email is no longer verified (unless an admin sets
     * its verified flag in the same call) and, where the pool auto-verifies email, gets a code; where the pool's
     * UserAttributeUpdateSettings require it, the new address waits for that code and the verified one stays. The
     * action's ClientMetadata goes to the triggers of the codes sent.
     *
     * @return where the codes sent went
     */
    public Uni<List<CodeDeliveryDetails>> update(UserPool pool, AppClient client, UserEntity user,
            Map<String, String> requested, boolean admin, Map<String, String> clientMetadata) {
        Map<String, String> updates = UserAttributes.checkWritable(pool, client, requested, admin);
        Map<String, String> before = UserAttributes.of(user);
        Map<String, String> attributes = UserAttributes.of(user);
        UserAttributes.checkMutable(pool, attributes, updates);
        Map<String, String> pending = user.pendingAttributes();
        Map<String, String> applied = new LinkedHashMap<>(updates);
        List<String> toVerify = new ArrayList<>();
        for (String attribute : List.of("email", "phone_number")) {
            String flag = attribute + "_verified";
            String value = updates.get(attribute);
            if (value == null || value.equals(attributes.get(attribute)) || updates.containsKey(flag)) {
                continue;
            }
            boolean autoVerified = pool.autoVerifiedAttributes().contains(attribute);
            if (autoVerified && UserAttributes.isTrue(attributes.get(flag)) && pool.verifiedBeforeUpdate(attribute)) {
                pending.put(attribute, value);
                applied.remove(attribute);
            } else {
                pending.remove(attribute);
                attributes.put(flag, "false");
            }
            if (autoVerified) {
                toVerify.add(attribute);
            }
        }
        attributes.putAll(applied);
        user.pendingAttributes(pending);
        List<CodeDeliveryDetails> sent = new ArrayList<>();
        Uni<Void> sending = aliases.claim(pool, user, before, attributes, false)
                .chain(() -> save(pool, user, attributes));
        for (String attribute : toVerify) {
            sending = sending.call(() -> verification.sendCode(pool,
                    pool.triggerCall(client == null ? null : client.id(), clientMetadata), user, attribute,
                    CodeDelivery.Kind.UPDATE_USER_ATTRIBUTE).invoke(sent::add));
        }
        return sending.replaceWith(sent);
    }

    public Uni<Void> delete(UserPool pool, AppClient client, UserEntity user, List<String> names, boolean admin) {
        Map<String, String> attributes = UserAttributes.of(user);
        for (String name : names) {
            SchemaAttribute schema = pool.schema().get(name);
            if (schema == null) {
                throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: Attribute does not exist in the schema.",
                        name);
            }
            if (schema.required() || "sub".equals(name)) {
                throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: Required attribute cannot be deleted.",
                        name);
            }
            if (!admin && client != null && !client.writeAttributes().isEmpty()
                    && !client.writeAttributes().contains(name)) {
                throw NOT_AUTHORIZED.withMessage("A client attempted to write unauthorized attribute");
            }
            attributes.remove(name);
            if ("email".equals(name)) {
                attributes.remove("email_verified");
            }
            if ("phone_number".equals(name)) {
                attributes.remove("phone_number_verified");
            }
        }
        return save(pool, user, attributes);
    }

    private Uni<Void> save(UserPool pool, UserEntity user, Map<String, String> attributes) {
        UserAttributes.store(user, pool, attributes);
        user.updatedAt = Instant.now();
        return users.persist(user).chain(() -> outbox.record(UserEventType.AttributesChanged, user, Map.of()));
    }
}
