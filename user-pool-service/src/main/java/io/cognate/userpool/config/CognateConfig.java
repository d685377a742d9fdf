package io.cognate.userpool.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of user-pool-service (prefix {@code cognate}, env {@code COGNATE_*}). */
@ConfigMapping(prefix = "cognate")
public interface CognateConfig {

    /**
     * Key-encryption key: base64 of 32 random bytes (env COGNATE_KEK). It encrypts password verifiers and client
     * secrets at rest and keys the challenge sessions, so every replica must share it. No default: start-up fails
     * without it.
     */
    String kek();

    /**
     * Key-encryption keys this one replaced, base64, comma-separated (env COGNATE_PREVIOUS_KEKS): they still open what
     * they sealed until {@code COGNATE_COMMAND=rewrap-keys} has re-wrapped it under {@link #kek()}. Default: none.
     */
    Optional<String> previousKeks();

    /**
     * A one-off command to run instead of serving (env COGNATE_COMMAND): {@code rewrap-keys} re-wraps every stored
     * secret (password and device verifiers, TOTP and client secrets) under the current KEK and exits. Default:
     * none, serve.
     */
    Optional<String> command();

    /** The AWS region this deployment answers as; it prefixes user pool ids. Default {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** The 12-digit account id used in ARNs. Default {@code 000000000000}. */
    @WithDefault("000000000000")
    String accountId();

    /** Credentials that may call the IAM-authorized (admin) actions, checked with AWS Signature V4. */
    Admin admin();

    /** How long a sign-up confirmation code stays valid. Cognito: 24 hours. */
    @WithDefault("PT24H")
    Duration confirmationCodeTtl();

    /**
     * How long a replica may answer sign-ins and GetUser from its cached copy of a pool's or client's settings.
     * Changes made through this replica apply at once; through another, within this time.
     */
    @WithDefault("PT5S")
    Duration configCacheTtl();

    /** The Kafka topic user events are published to. */
    @WithDefault("cognate.userpool.events")
    String eventsTopic();

    /**
     * The URL this service is reached at from a user's browser: CONFIRM_WITH_LINK mail links to
     * {@code {public-base-url}/confirmUser}. Default {@code http://localhost:8800}.
     */
    @WithDefault("http://localhost:8800")
    String publicBaseUrl();

    /**
     * The host a custom domain's DNS record points at (the ingress that serves the hosted pages), answered as
     * CloudFrontDomain by Create/UpdateUserPoolDomain and as CloudFrontDistribution by DescribeUserPoolDomain.
     * Default {@code localhost}.
     */
    @WithDefault("localhost")
    String hostedUiHost();

    /** The Kafka topic text messages (codes, invitations) are published to, for an SMS gateway to deliver. */
    @WithDefault("cognate.userpool.sms")
    String smsTopic();

    /**
     * The Kafka topic of the custom sender triggers' events (the Lambda event, its code encrypted), which
     * trigger-gateway hands to the handlers it runs and any other consumer may read.
     */
    @WithDefault("cognate.triggers.custom-sender")
    String customSenderTopic();

    /**
     * Google's OpenID issuer, where Google providers sign users in (its discovery document names the endpoints).
     * Default {@code https://accounts.google.com}; a private deployment or a test points it at another issuer (env
     * {@code COGNATE_GOOGLE_ISSUER}).
     */
    @WithDefault("https://accounts.google.com")
    String googleIssuer();

    /** Sign in with Apple's OpenID issuer, where SignInWithApple providers sign users in (env COGNATE_APPLE_ISSUER). */
    @WithDefault("https://appleid.apple.com")
    String appleIssuer();

    /**
     * Where Facebook providers sign users in instead of www.facebook.com and graph.facebook.com (their paths kept):
     * a private deployment's or a test's stand-in (env COGNATE_FACEBOOK_URL). Default Facebook's own.
     */
    Optional<String> facebookUrl();

    /**
     * Where LoginWithAmazon providers sign users in instead of www.amazon.com and api.amazon.com (their paths kept):
     * a stand-in (env COGNATE_AMAZON_URL). Default Amazon's own.
     */
    Optional<String> amazonUrl();

    interface Admin {
        /** Access key id of the admin credentials (env COGNATE_ADMIN_ACCESS_KEY_ID). */
        Optional<String> accessKeyId();

        /** Secret access key of the admin credentials (env COGNATE_ADMIN_SECRET_ACCESS_KEY). */
        Optional<String> secretAccessKey();
    }
}
