package io.cognate.it.support;

/** A user pool made for one test, with the app client most tests sign in through. */
public record TestPool(String id, String clientId) {

    /** The part of the pool id after '_', which SRP mixes into the password hash. */
    public String srpPoolName() {
        return id.substring(id.indexOf('_') + 1);
    }

    public String issuer() {
        return Stack.get().issuer(id);
    }
}
