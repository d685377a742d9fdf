package io.cognate.identitypool.model;

import java.time.Instant;
import java.util.List;

/**
 * An IAM OpenID Connect provider. Its Logins key (and ARN suffix) is the issuer URL without its scheme, as AWS names
 * it: {@code https://login.example.com/tenant} is {@code login.example.com/tenant}.
 */
public record OidcProvider(String arn, String url, List<String> clientIds, List<String> thumbprints,
        Instant createdAt) {

    public String loginKey() {
        return url.replaceFirst("^https?://", "");
    }
}
