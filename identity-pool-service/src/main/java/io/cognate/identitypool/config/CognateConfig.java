package io.cognate.identitypool.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** identity-pool-service settings under the {@code cognate} prefix; env vars map as COGNATE_KEK, COGNATE_REGION… */
@ConfigMapping(prefix = "cognate")
public interface CognateConfig {

    /**
     * Key-encryption key: base64 of 32 random bytes (env {@code COGNATE_KEK}). No default: without it the service
     * refuses to start. It seals the OpenID signing key at rest and every session token the service vends.
     */
    Optional<String> kek();

    /** Key-encryption keys this one replaced, base64, comma-separated: they still open what they sealed. */
    Optional<String> previousKeks();

    /**
     * A one-off command to run instead of serving (env {@code COGNATE_COMMAND}): {@code rewrap-keys} re-wraps the
     * stored OpenID signing keys under the current KEK and exits. Default: none, serve.
     */
    Optional<String> command();

    /** AWS region this deployment stands in for: the prefix of pool and identity ids. Default {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** The 12-digit AWS account id in the ARNs this deployment writes (roles, assumed roles). Default zeros. */
    @WithDefault("000000000000")
    String accountId();

    /**
     * How long a replica answers the credential flows from its copy of an identity pool's settings and of a role's
     * policies; a change made on another replica is seen within it. Default 5 s.
     */
    @WithDefault("PT5S")
    Duration configCacheTtl();

    /**
     * Request-rate quotas that replace Cognito's defaults (RateQuota), as {@code Operation=requests per second},
     * comma-separated (env {@code COGNATE_RATE_LIMITS}, e.g. {@code GetCredentialsForIdentity=2000,GetId=100}); 0
     * refuses every call. Like Cognito's, each counts one operation across all of the deployment's identity pools.
     */
    Optional<List<String>> rateLimits();

    /**
     * Google's OpenID issuer, by whose discovery document and JWKS logins under {@code accounts.google.com} verify.
     * Default {@code https://accounts.google.com}; a private deployment or a test points it elsewhere (env
     * {@code COGNATE_GOOGLE_ISSUER}).
     */
    @WithDefault("https://accounts.google.com")
    String googleIssuer();

    /** Sign in with Apple's OpenID issuer, for logins under {@code appleid.apple.com}. */
    @WithDefault("https://appleid.apple.com")
    String appleIssuer();

    /** Where Facebook's Graph API is, for logins under {@code graph.facebook.com} (env COGNATE_FACEBOOK_URL). */
    @WithDefault("https://graph.facebook.com")
    String facebookUrl();

    /** Where Login with Amazon's API is, for logins under {@code www.amazon.com} (env COGNATE_AMAZON_URL). */
    @WithDefault("https://api.amazon.com")
    String amazonUrl();

    /** The Kafka topic identity events are published to (through the outbox). */
    @WithDefault("cognate.identitypool.events")
    String eventsTopic();

    /** Admin credentials for the IAM-authorized actions (SigV4). */
    Admin admin();

    /** Where Cognate's user pools' tokens come from. */
    UserPools userPools();

    /** The OpenID tokens of the basic flow and their issuer. */
    OpenId openId();

    /** The temporary credentials this service vends. */
    Credentials credentials();

    interface Admin {
        /** Access key id of the admin credentials (env {@code COGNATE_ADMIN_ACCESS_KEY_ID}). No default. */
        Optional<String> accessKeyId();

        /** Its secret (env {@code COGNATE_ADMIN_SECRET_ACCESS_KEY}). No default. */
        Optional<String> secretAccessKey();
    }

    interface UserPools {
        /**
         * The issuer base URL of Cognate's user pools (token-service): a pool's tokens carry {@code iss}
         * {@code {issuer-base-url}/{poolId}} and verify by {@code {iss}/.well-known/jwks.json}. Default
         * {@code http://localhost:8801}.
         */
        @WithDefault("http://localhost:8801")
        String issuerBaseUrl();

        /** How long a pool's JWKS is used before it is fetched again (an unknown kid fetches at once). Default 5 min. */
        @WithDefault("PT5M")
        Duration jwksTtl();
    }

    interface OpenId {
        /**
         * The {@code iss} of the OpenID tokens, which serves {@code /.well-known/openid-configuration} and
         * {@code /.well-known/jwks_uri}: this service's public URL. Default {@code http://localhost:8802}.
         */
        @WithDefault("http://localhost:8802")
        String issuer();

        /** Lifetime of a GetOpenIdToken token. Cognito: 10 minutes. */
        @WithDefault("PT10M")
        Duration tokenTtl();
    }

    interface Credentials {
        /** Lifetime of the credentials of GetCredentialsForIdentity. Cognito: 1 hour. */
        @WithDefault("PT1H")
        Duration enhancedFlowTtl();
    }
}
