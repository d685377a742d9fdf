package io.cognate.userpool.grpc;

/** trigger-gateway could not be asked to run a trigger (down, or no answer in time). */
public class TriggerGatewayUnavailableException extends RuntimeException {

    public TriggerGatewayUnavailableException(String status) {
        super(status, null, false, false);
    }
}
