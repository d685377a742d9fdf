package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Finds the user a sign-in name denotes: the username itself, or the email, phone number or preferred username
 * where the pool signs in with them (UsernameAttributes) or accepts them as aliases (verified only).
 */
@ApplicationScoped
public class UserLookup {
    private final UserRepository users;

    public UserLookup(UserRepository users) {
        this.users = users;
    }

    /** The user a request names, or UserNotFoundException; call inside a session. */
    public Uni<UserEntity> require(UserPool pool, String username) {
        return find(pool, username).map(user -> {
            if (user == null) {
                throw USER_NOT_FOUND.withMessage("User does not exist.");
            }
            return user;
        });
    }

    /** The user, or null when no user has that name. */
    public Uni<UserEntity> find(UserPool pool, String name) {
        return users.findByUsernameKey(pool.id(), pool.usernameKey(name)).chain(user -> {
            if (user != null) {
                return Uni.createFrom().item(user);
            }
            if (UserAttributes.EMAIL.matcher(name).matches() && signsInWith(pool, "email")) {
                return users.findByEmail(pool.id(), name.toLowerCase(Locale.ROOT))
                        .map(found -> single(found, pool, "email_verified"));
            }
            if (UserAttributes.PHONE.matcher(name).matches() && signsInWith(pool, "phone_number")) {
                return users.findByPhone(pool.id(), name).map(found -> single(found, pool, "phone_number_verified"));
            }
            if (pool.aliasAttributes().contains("preferred_username")) {
                return users.findByPreferredUsername(pool.id(), pool.usernameKey(name)).map(found -> single(found, pool, null));
            }
            return Uni.createFrom().nullItem();
        });
    }

    private static boolean signsInWith(UserPool pool, String attribute) {
        return pool.usernameAttributes().contains(attribute) || pool.aliasAttributes().contains(attribute);
    }

    /** With UsernameAttributes any user with the value; with an alias only the one whose value is verified. */
    private static UserEntity single(List<UserEntity> found, UserPool pool, String verifiedFlag) {
        boolean usernameAttribute = verifiedFlag != null
                && pool.usernameAttributes().contains(verifiedFlag.replace("_verified", ""));
        List<UserEntity> matches = found.stream().filter(user -> usernameAttribute || verifiedFlag == null
                || UserAttributes.isTrue(UserAttributes.of(user).get(verifiedFlag))).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
