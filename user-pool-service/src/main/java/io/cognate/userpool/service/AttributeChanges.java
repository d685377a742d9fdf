package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/** Updating and deleting a user's attributes, for admins and for users themselves alike. */
@ApplicationScoped
public class AttributeChanges {
    private final UserRepository users;
    private final Outbox outbox;
    private final AttributeVerification verification;

    public AttributeChanges(UserRepository users, Outbox outbox, AttributeVerification verification) {
        this.users = users;
        this.outbox = outbox;
        this.verification = verification;
    }

    /**
     * Applies the updates in the caller's transaction. A changed email is no longer verified (unless an admin sets
     * its verified flag in the same call) and, where the pool auto-verifies email, gets a code; where the pool's
     * UserAttributeUpdateSettings require it, the new address waits for that code and the verified one stays.
     *
     * @return the CodeDeliveryDetails of the codes sent
     */
    public Uni<List<ObjectNode>> update(UserPool pool, AppClient client, UserEntity user, Map<String, String> updates,
            boolean admin) {
        UserAttributes.checkWritable(pool, client, updates, admin);
        Map<String, String> attributes = UserAttributes.of(user);
        UserAttributes.checkMutable(pool, attributes, updates);
        Map<String, String> pending = AttributeVerification.pending(user);
        Map<String, String> applied = new LinkedHashMap<>(updates);
        List<String> toVerify = new ArrayList<>();
        for (String[] pair : List.of(new String[] { "email", "email_verified" },
                new String[] { "phone_number", "phone_number_verified" })) {
            String value = updates.get(pair[0]);
            if (value == null || value.equals(attributes.get(pair[0])) || updates.containsKey(pair[1])) {
                continue;
            }
            boolean autoVerified = pool.autoVerifiedAttributes().contains(pair[0]);
            if (autoVerified && "true".equals(attributes.get(pair[1]))
                    && AttributeVerification.verifiedBeforeUpdate(pool, pair[0])) {
                pending.put(pair[0], value);
                applied.remove(pair[0]);
            } else {
                pending.remove(pair[0]);
                attributes.put(pair[1], "false");
            }
            if (autoVerified) {
                toVerify.add(pair[0]);
            }
        }
        attributes.putAll(applied);
        AttributeVerification.setPending(user, pending);
        List<ObjectNode> sent = new ArrayList<>();
        Uni<Void> sending = save(pool, user, attributes);
        for (String attribute : toVerify) {
            sending = sending.call(() -> verification.sendCode(pool, user, attribute).invoke(sent::add));
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
                throw io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED
                        .withMessage("A client attempted to write unauthorized attribute");
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
