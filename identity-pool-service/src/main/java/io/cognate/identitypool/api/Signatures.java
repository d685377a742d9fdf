package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.ACCESS_DENIED;
import static io.cognate.identitypool.error.IdentityError.EXPIRED_TOKEN;
import static io.cognate.identitypool.error.IdentityError.INVALID_CLIENT_TOKEN_ID;
import static io.cognate.identitypool.error.IdentityError.INVALID_SIGNATURE;
import static io.cognate.identitypool.error.IdentityError.MISSING_AUTHENTICATION;
import static io.cognate.identitypool.error.IdentityError.MISSING_AUTHENTICATION_TOKEN;
import static io.cognate.identitypool.error.IdentityError.SIGNATURE_DOES_NOT_MATCH;
import static io.cognate.identitypool.error.IdentityError.UNRECOGNIZED_CLIENT;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.service.CredentialsRejectedException;
import io.cognate.identitypool.service.StsFlows;
import io.cognate.identitypool.service.TemporaryCredentials;
import io.cognate.sigv4.SigV4Verifier;
import io.cognate.sigv4.SignatureRejectedException;

/**
 * Who signed a request (SigV4): the configured admin credentials, or temporary credentials this service vended,
 * whose secret their session token ({@code X-Amz-Security-Token}) carries sealed. Refusals in the words of the API
 * asked: the JSON APIs' ({@code UnrecognizedClientException}…) or the query APIs' ({@code InvalidClientTokenId}…).
 */
@ApplicationScoped
public class Signatures {
    /** Which API's error words a refusal takes. */
    public enum Words {
        JSON,
        QUERY
    }

    private final Map<String, String> admin = new HashMap<>();
    private final TemporaryCredentials temporary;
    private final Clock clock;

    public Signatures(CognateConfig config, TemporaryCredentials temporary, Clock clock) {
        CognateConfig.Admin credentials = config.admin();
        if (credentials.accessKeyId().isPresent() && credentials.secretAccessKey().isPresent()) {
            admin.put(credentials.accessKeyId().get(), credentials.secretAccessKey().get());
        }
        this.temporary = temporary;
        this.clock = clock;
    }

    /** The admin, or the holder of temporary credentials, who signed {@code request}. */
    public StsFlows.Caller caller(SigV4Verifier.SignedRequest request, Words words) {
        List<String> tokens = request.headers().apply("x-amz-security-token");
        String sessionToken = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        TemporaryCredentials.Credentials session = null;
        Function<String, Optional<String>> secrets = key -> Optional.ofNullable(admin.get(key));
        if (sessionToken != null) {
            String accessKeyId = accessKeyId(request);
            try {
                session = temporary.open(accessKeyId == null ? "" : accessKeyId, sessionToken);
            } catch (CredentialsRejectedException e) {
                throw e.reason() == CredentialsRejectedException.Reason.EXPIRED
                        ? EXPIRED_TOKEN.withMessage(e.getMessage())
                        : (words == Words.QUERY ? INVALID_CLIENT_TOKEN_ID : UNRECOGNIZED_CLIENT)
                                .withMessage(e.getMessage());
            }
            TemporaryCredentials.Credentials opened = session;
            secrets = key -> key.equals(opened.accessKeyId()) ? Optional.of(opened.secretAccessKey())
                    : Optional.empty();
        }
        try {
            String accessKeyId = new SigV4Verifier(secrets, clock).verify(request);
            return new StsFlows.Caller(accessKeyId, session);
        } catch (SignatureRejectedException e) {
            throw switch (e.reason()) {
                case MISSING_AUTHENTICATION_TOKEN -> (words == Words.QUERY ? MISSING_AUTHENTICATION
                        : MISSING_AUTHENTICATION_TOKEN).withMessage(e.getMessage());
                case UNRECOGNIZED_CLIENT -> (words == Words.QUERY ? INVALID_CLIENT_TOKEN_ID : UNRECOGNIZED_CLIENT)
                        .withMessage(e.getMessage());
                case INVALID_SIGNATURE -> (words == Words.QUERY ? SIGNATURE_DOES_NOT_MATCH : INVALID_SIGNATURE)
                        .withMessage(e.getMessage());
            };
        } catch (RuntimeException e) {
            throw (words == Words.QUERY ? INVALID_CLIENT_TOKEN_ID : UNRECOGNIZED_CLIENT)
                    .withMessage("The security token included in the request is invalid.");
        }
    }

    /** The admin, and only the admin: the management actions are not for temporary credentials. */
    public void requireAdmin(SigV4Verifier.SignedRequest request, Words words) {
        if (caller(request, words).session() != null) {
            throw ACCESS_DENIED.withMessage("Temporary credentials may not call this action; sign with the "
                    + "deployment's admin credentials.");
        }
    }

    /** The access key id in the Authorization header's Credential, or null. */
    private static String accessKeyId(SigV4Verifier.SignedRequest request) {
        List<String> authorization = request.headers().apply("authorization");
        if (authorization == null || authorization.isEmpty()) {
            return null;
        }
        String header = authorization.get(0);
        int start = header.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = header.indexOf('/', start);
        return end < 0 ? null : header.substring(start + "Credential=".length(), end);
    }
}
