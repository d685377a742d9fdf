package io.cognate.token.service;

import java.util.NoSuchElementException;

/**
 * The answer to a refresh: the grant, or why the token was refused (in Cognito's words); {@code reused} when the
 * token was replaced by rotation longer ago than its grace period.
 */
public record RefreshResult(RefreshGrant grant, String refusal, boolean reused) {

    static RefreshResult granted(RefreshGrant grant) {
        return new RefreshResult(grant, null, false);
    }

    static RefreshResult refused(String refusal) {
        return new RefreshResult(null, refusal, false);
    }

    static RefreshResult reusedAfterRotation() {
        return new RefreshResult(null, "Refresh token has been used already.", true);
    }

    public boolean isEmpty() {
        return grant == null;
    }

    public RefreshGrant orElseThrow() {
        if (grant == null) {
            throw new NoSuchElementException(refusal);
        }
        return grant;
    }
}
