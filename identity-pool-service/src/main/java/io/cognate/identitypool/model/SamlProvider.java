package io.cognate.identitypool.model;

import java.time.Instant;

import io.cognate.saml.IdpMetadata;

/** An IAM SAML provider: its ARN, its metadata document as given and as read, and IAM's dates. */
public record SamlProvider(String arn, String document, IdpMetadata metadata, Instant createdAt, Instant validUntil) {
}
