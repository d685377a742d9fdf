package io.cognate.token.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** token-service settings under the {@code cognate} prefix; env vars map as COGNATE_KEK, COGNATE_ISSUER_BASE_URL… */
@ConfigMapping(prefix = "cognate")
public interface CognateConfig {

    /**
     * Key-encryption key: base64 of 32 random bytes (env {@code COGNATE_KEK}). No default, in any profile: without it
     * the service refuses to start, since a key baked into the build would protect nothing.
     */
    Optional<String> kek();

    /**
     * Key-encryption keys this one replaced, base64, comma-separated (env {@code COGNATE_PREVIOUS_KEKS}): they still
     * open what they sealed until {@code COGNATE_COMMAND=rewrap-keys} has re-wrapped it under {@link #kek()}, and
     * still decode the refresh tokens they sealed. Default: none.
     */
    Optional<String> previousKeks();

    /**
     * A one-off command to run instead of serving (env {@code COGNATE_COMMAND}): {@code rewrap-keys} re-wraps every
     * stored signing key under the current KEK and exits. Default: none, serve.
     */
    Optional<String> command();

    /**
     * Public base URL of this service. A pool's issuer ({@code iss}) is {@code {issuer-base-url}/{userPoolId}}, the
     * path layout of {@code https://cognito-idp.{region}.amazonaws.com/{userPoolId}}. Default
     * {@code http://localhost:8801}.
     */
    @WithDefault("http://localhost:8801")
    String issuerBaseUrl();

    /** AWS region this deployment stands in for. Default {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** Signing keys cache. */
    KeyCache keyCache();

    /**
     * How often refresh-token families no token can need any more are deleted ({@code ExpiredFamilies}); the first
     * run comes one interval after start. Default 10 minutes.
     */
    @WithDefault("PT10M")
    Duration housekeepingInterval();

    /** The OAuth endpoints and hosted pages of pools with a domain. */
    HostedUi hostedUi();

    interface HostedUi {

        /**
         * Where a domain's endpoints are advertised (discovery, redirects), with {@code {domain}} for the domain: by
         * default a path of this service, which needs no DNS; behind an ingress that routes by host, e.g.
         * {@code https://{domain}.auth.example.com} with {@link #domainSuffix()} {@code auth.example.com}. A custom
         * domain is always advertised as {@code https://<custom domain>}.
         */
        @WithDefault("${cognate.issuer-base-url}/domain/{domain}")
        String urlTemplate();

        /**
         * The host suffix of prefix domains when the ingress routes by host ({@code <prefix>.<suffix>}); requests whose
         * Host is {@code <prefix>.<suffix>} or a pool's custom domain are served as that domain. Default: none (only
         * the {@code /domain/<domain>/} paths).
         */
        Optional<String> domainSuffix();

        /**
         * How long this replica answers from its copy of a client's or domain's settings; changes are seen within it.
         * Default 5 s.
         */
        @WithDefault("PT5S")
        Duration configCacheTtl();

        /** How long the pool's session cookie ({@code cognito}) keeps a user signed in to the pages. Cognito: 1 h. */
        @WithDefault("PT1H")
        Duration sessionTtl();

        /** How long an authorization code may be redeemed. Cognito: 5 minutes. */
        @WithDefault("PT5M")
        Duration codeTtl();
    }

    interface KeyCache {

        /**
         * How long a pool's decrypted signing keys and serialized JWKS stay in memory before they are re-read, which
         * bounds how late a key created or retired by another replica is seen. Default 60 s.
         */
        @WithDefault("PT60S")
        Duration ttl();

        /**
         * How long "this pool has no signing key" is remembered, so requests for unknown pools do not each reach the
         * database. Default 5 s.
         */
        @WithDefault("PT5S")
        Duration negativeTtl();

        /** Most pools held at once; past it, expired entries are dropped first. Default 10000. */
        @WithDefault("10000")
        int maxPools();
    }
}
