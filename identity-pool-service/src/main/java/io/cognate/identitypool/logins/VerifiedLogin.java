package io.cognate.identitypool.logins;

import java.util.Map;

/** A login whose token verified: its Logins key, the provider's user (subject) and the token's claims. */
public record VerifiedLogin(String provider, String subject, Map<String, Object> claims) {
}
