package io.cognate.userpool.model;

import java.time.Instant;

/**
 * The classic hosted UI's look for a client, or for all of a pool's clients ({@code clientId} {@code ALL}): CSS and
 * a logo (PNG or JPEG). {@code cssVersion} changes on every set.
 */
public record UiCustomization(String poolId, String clientId, String css, byte[] image, String cssVersion,
        Instant createdAt, Instant updatedAt) {
    public static final String ALL = "ALL";
}
