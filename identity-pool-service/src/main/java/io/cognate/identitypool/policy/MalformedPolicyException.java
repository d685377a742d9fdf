package io.cognate.identitypool.policy;

/** A policy document this evaluator cannot read or does not support, with what is wrong (IAM's MalformedPolicyDocument). */
public final class MalformedPolicyException extends RuntimeException {
    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
