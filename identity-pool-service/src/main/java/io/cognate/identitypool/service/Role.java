package io.cognate.identitypool.service;

import java.time.Instant;
import java.util.List;

import io.cognate.identitypool.policy.PolicyDocument;

/** An IAM role as IAM describes it, and its policies read for evaluation. */
public record Role(String name, String arn, String roleId, String path, String description, String trustPolicy,
        int maxSessionDuration, Instant createdAt) {

    /** A role ready to be assumed and enforced: its trust policy and its inline permission policies. */
    public record Assumable(Role role, PolicyDocument trust, List<PolicyDocument> permissions) {
    }
}
