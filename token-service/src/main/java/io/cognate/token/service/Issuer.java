package io.cognate.token.service;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.cognate.token.config.CognateConfig;

/** A pool's issuer URL, {@code {issuer-base-url}/{userPoolId}}, and the way back from an {@code iss} to a pool. */
@Singleton
public class Issuer {

    /** Cognito's UserPoolId constraint: 1–55 characters matching [\w-]+_[0-9a-zA-Z]+. */
    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final int USER_POOL_ID_MAX = 55;

    private final String base;

    @Inject
    public Issuer(CognateConfig config) {
        this(config.issuerBaseUrl());
    }

    public Issuer(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static boolean isUserPoolId(String value) {
        return value != null && !value.isEmpty() && value.length() <= USER_POOL_ID_MAX
                && USER_POOL_ID.matcher(value).matches();
    }

    public String of(String userPoolId) {
        return base + "/" + userPoolId;
    }

    public String jwksUri(String userPoolId) {
        return of(userPoolId) + "/.well-known/jwks.json";
    }

    /** The pool an {@code iss} names, if it is one of this deployment's issuers. */
    public Optional<String> userPoolOf(String iss) {
        if (iss == null || !iss.startsWith(base + "/")) {
            return Optional.empty();
        }
        String pool = iss.substring(base.length() + 1);
        return isUserPoolId(pool) ? Optional.of(pool) : Optional.empty();
    }
}
