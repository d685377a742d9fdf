package io.cognate.token.service;

import java.util.NoSuchElementException;

/** The answer to a refresh: the grant, or why the token was refused (in Cognito's words). */
public record RefreshResult(RefreshGrant grant, String refusal) {

    static RefreshResult granted(RefreshGrant grant) {
        return new RefreshResult(grant, null);
    }

    static RefreshResult refused(String refusal) {
        return new RefreshResult(null, refusal);
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
