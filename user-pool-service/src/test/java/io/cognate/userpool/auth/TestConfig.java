package io.cognate.userpool.auth;

import java.time.Duration;
import java.util.Optional;

import io.cognate.userpool.config.CognateConfig;

/** The service's configuration with its documented defaults, for flows built by hand. */
final class TestConfig implements CognateConfig {
    @Override
    public String kek() {
        return "";
    }

    @Override
    public Optional<String> previousKeks() {
        return Optional.empty();
    }

    @Override
    public Optional<String> command() {
        return Optional.empty();
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String accountId() {
        return "000000000000";
    }

    @Override
    public Admin admin() {
        return new Admin() {
            @Override
            public Optional<String> accessKeyId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> secretAccessKey() {
                return Optional.empty();
            }
        };
    }

    @Override
    public Duration confirmationCodeTtl() {
        return Duration.ofHours(24);
    }

    @Override
    public Duration configCacheTtl() {
        return Duration.ofSeconds(5);
    }

    @Override
    public String eventsTopic() {
        return "cognate.userpool.events";
    }

    @Override
    public String publicBaseUrl() {
        return "http://localhost:8800";
    }

    @Override
    public String hostedUiHost() {
        return "localhost";
    }

    @Override
    public String googleIssuer() {
        return "https://accounts.google.com";
    }

    @Override
    public String appleIssuer() {
        return "https://appleid.apple.com";
    }

    @Override
    public java.util.Optional<String> facebookUrl() {
        return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> amazonUrl() {
        return java.util.Optional.empty();
    }

    @Override
    public String smsTopic() {
        return "cognate.userpool.sms";
    }

    @Override
    public String customSenderTopic() {
        return "cognate.triggers.custom-sender";
    }
}
