package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.ALIAS_EXISTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Aliases (AliasAttributes) stay unique: no two users of a pool hold the same verified email or phone number alias,
 * nor the same preferred_username. A change that would give a user another's alias is AliasExistsException, unless
 * it forces the alias (ForceAliasCreation): then the alias moves, and the other user's value is no longer verified,
 * so it no longer signs in with it.
 */
@ApplicationScoped
public class Aliases {
    private final UserRepository users;

    public Aliases(UserRepository users) {
        this.users = users;
    }

    /**
     * Checks the aliases that a change from {@code before} to {@code after} gives the user (a new value, or one that
     * became verified); call in the transaction that stores the change.
     */
    public Uni<Void> claim(UserPool pool, UserEntity user, Map<String, String> before, Map<String, String> after,
            boolean force) {
        List<String> aliases = pool.aliasAttributes();
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (String alias : List.of("email", "phone_number")) {
            String value = after.get(alias);
            String flag = alias + "_verified";
            boolean claimed = value != null && UserAttributes.isTrue(after.get(flag))
                    && (!value.equals(before.get(alias)) || !UserAttributes.isTrue(before.get(flag)));
            if (aliases.contains(alias) && claimed) {
                checks = checks.chain(() -> verifiedHolders(pool, alias, value, user)).chain(holders -> {
                    if (holders.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!force) {
                        throw ALIAS_EXISTS.withMessage("An account with the given %s already exists.", alias);
                    }
                    return unverify(holders, alias);
                });
            }
        }
        String preferred = after.get("preferred_username");
        if (aliases.contains("preferred_username") && preferred != null && !preferred.equals(before.get(
                "preferred_username"))) {
            checks = checks.chain(() -> users.findByPreferredUsername(pool.id(), pool.usernameKey(preferred)))
                    .invoke(found -> {
                        if (found.stream().anyMatch(other -> !other.sub.equals(user.sub))) {
                            throw ALIAS_EXISTS.withMessage("An account with the given preferred_username already exists.");
                        }
                    }).replaceWithVoid();
        }
        return checks;
    }

    private Uni<List<UserEntity>> verifiedHolders(UserPool pool, String alias, String value, UserEntity user) {
        Uni<List<UserEntity>> found = "email".equals(alias) ? users.findByEmail(pool.id(), value.toLowerCase(Locale.ROOT))
                : users.findByPhone(pool.id(), value);
        return found.map(candidates -> {
            List<UserEntity> holders = new ArrayList<>();
            for (UserEntity other : candidates) {
                if (!other.sub.equals(user.sub) && UserAttributes.isTrue(other.attributes().get(alias + "_verified"))) {
                    holders.add(other);
                }
            }
            return holders;
        });
    }

    private Uni<Void> unverify(List<UserEntity> holders, String alias) {
        Uni<Void> saved = Uni.createFrom().voidItem();
        for (UserEntity holder : holders) {
            Map<String, String> attributes = holder.attributes();
            attributes.put(alias + "_verified", "false");
            holder.attributes(attributes);
            saved = saved.chain(() -> users.persist(holder)).replaceWithVoid();
        }
        return saved;
    }
}
