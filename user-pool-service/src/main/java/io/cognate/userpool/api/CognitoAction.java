package io.cognate.userpool.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** One action of the Cognito IdP JSON API: its request in, its response out. */
@FunctionalInterface
public interface CognitoAction {

    /** @param arrivedNanos when the request arrived ({@link System#nanoTime()}), for {@link RefusalFloor} */
    Uni<ObjectNode> handle(Params request, long arrivedNanos);
}
