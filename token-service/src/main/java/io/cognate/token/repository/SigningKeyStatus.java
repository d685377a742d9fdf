package io.cognate.token.repository;

/** ACTIVE signs new tokens (one per pool); RETIRED only verifies tokens signed before a rotation. */
public enum SigningKeyStatus {
    ACTIVE,
    RETIRED
}
