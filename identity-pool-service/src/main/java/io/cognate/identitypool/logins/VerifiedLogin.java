package io.cognate.identitypool.logins;

import java.util.Map;

/**
 * A login whose token verified: its Logins key, the provider's user (subject) and the token's claims. An identity
 * holds one login of each provider, except that a developer provider may name several of the developer's users.
 */
public record VerifiedLogin(String provider, String subject, Map<String, Object> claims, boolean onePerIdentity) {

    public VerifiedLogin(String provider, String subject, Map<String, Object> claims) {
        this(provider, subject, claims, true);
    }

    /** A developer's own user, under the pool's DeveloperProviderName. */
    public static VerifiedLogin developerUser(String provider, String user) {
        return new VerifiedLogin(provider, user, Map.of(), false);
    }
}
