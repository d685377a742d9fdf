package io.cognate.userpool.api;

import static io.cognate.userpool.error.CognitoError.INVALID_SIGNATURE;
import static io.cognate.userpool.error.CognitoError.MISSING_AUTHENTICATION_TOKEN;
import static io.cognate.userpool.error.CognitoError.UNRECOGNIZED_CLIENT;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.sigv4.SigV4Verifier;
import io.cognate.sigv4.SignatureRejectedException;
import io.cognate.userpool.config.CognateConfig;
import io.vertx.core.http.HttpServerRequest;

/** Authorizes IAM actions: a valid SigV4 signature from the configured admin credentials, or no access. */
@ApplicationScoped
public class AdminAuthenticator {
    private final SigV4Verifier verifier;

    public AdminAuthenticator(CognateConfig config) {
        Map<String, String> secrets = new HashMap<>();
        CognateConfig.Admin admin = config.admin();
        if (admin.accessKeyId().isPresent() && admin.secretAccessKey().isPresent()) {
            secrets.put(admin.accessKeyId().get(), admin.secretAccessKey().get());
        }
        this.verifier = new SigV4Verifier(secrets, Clock.systemUTC());
    }

    public void authenticate(HttpServerRequest http, byte[] body) {
        String path = http.path();
        SigV4Verifier.SignedRequest request = new SigV4Verifier.SignedRequest(http.method().name(), path, http.query(),
                name -> http.headers().getAll(name), body == null ? new byte[0] : body);
        try {
            verifier.verify(request);
        } catch (SignatureRejectedException e) {
            throw switch (e.reason()) {
                case MISSING_AUTHENTICATION_TOKEN -> MISSING_AUTHENTICATION_TOKEN.withMessage(e.getMessage());
                case UNRECOGNIZED_CLIENT -> UNRECOGNIZED_CLIENT.withMessage(e.getMessage());
                case INVALID_SIGNATURE -> INVALID_SIGNATURE.withMessage(e.getMessage());
            };
        } catch (RuntimeException e) {
            throw UNRECOGNIZED_CLIENT.withMessage("The security token included in the request is invalid.");
        }
    }
}
