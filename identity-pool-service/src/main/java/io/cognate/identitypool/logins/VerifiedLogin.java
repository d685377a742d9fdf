package io.cognate.identitypool.logins;

import java.util.List;
import java.util.Map;

/**
 * A login whose token verified: its Logins key, the provider's user (subject) and the token's claims. An identity
 * holds one login of each provider, except that a developer provider may name several of the developer's users.
 */
public record VerifiedLogin(String provider, String subject, Map<String, Object> claims, boolean onePerIdentity) {

    public VerifiedLogin(String provider, String subject, Map<String, Object> claims) {
        this(provider, subject, claims, true);
    }

    /** The token's audiences ({@code aud}, one or a list); empty when it has none. */
    public List<String> audiences() {
        Object aud = claims.get("aud");
        if (aud instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return aud == null ? List.of() : List.of(aud.toString());
    }

    /** A developer's own user, under the pool's DeveloperProviderName. */
    public static VerifiedLogin developerUser(String provider, String user) {
        return new VerifiedLogin(provider, user, Map.of(), false);
    }
}
