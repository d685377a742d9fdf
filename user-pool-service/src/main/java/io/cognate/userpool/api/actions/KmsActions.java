package io.cognate.userpool.api.actions;

import static io.cognate.userpool.error.CognitoError.INCORRECT_KEY;
import static io.cognate.userpool.error.CognitoError.INVALID_CIPHERTEXT;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.awsjson.Json;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.KmsDataKeys;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.smallrye.mutiny.Uni;

/**
 * KMS's Decrypt ({@code X-Amz-Target: TrentService.Decrypt}, SigV4 with the deployment's credentials), for the data
 * keys of the codes the custom sender triggers receive: the AWS Encryption SDK's KMS keyring in a handler calls it,
 * unchanged, once {@code AWS_ENDPOINT_URL_KMS} points here. It decrypts nothing else: any other blob is
 * InvalidCiphertextException.
 */
@ApplicationScoped
public class KmsActions implements ActionGroup {
    public static final String DECRYPT = "TrentService.Decrypt";

    private final KmsDataKeys dataKeys;

    public KmsActions(KmsDataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    record Decrypt(byte[] ciphertext, Map<String, String> context, String keyId) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam(DECRYPT, p -> {
            Decrypt request = new Decrypt(p.blob("CiphertextBlob", 6144), p.stringMap("EncryptionContext"),
                    p.optional("KeyId", 1, 2048));
            p.optionalEnum("EncryptionAlgorithm", List.of("SYMMETRIC_DEFAULT"));
            // Grant tokens widen a KMS caller's permissions; these callers hold the deployment's own credentials.
            p.stringList("GrantTokens", 1, 8192);
            if (request.ciphertext() == null || request.ciphertext().length == 0) {
                throw INVALID_CIPHERTEXT.withMessage("CiphertextBlob is required.");
            }
            return request;
        }, this::decrypt, key -> Json.object().put("KeyId", key.keyArn())
                .put("Plaintext", Base64.getEncoder().encodeToString(key.plaintext()))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    }

    private Uni<KmsDataKeys.DataKey> decrypt(Decrypt request) {
        KmsDataKeys.DataKey key;
        try {
            key = dataKeys.decrypt(request.ciphertext(), request.context());
        } catch (CiphertextRejectedException e) {
            throw INVALID_CIPHERTEXT.withMessage("The ciphertext is invalid, or its encryption context differs.");
        }
        String keyId = request.keyId();
        if (keyId != null && !keyId.equals(key.keyArn()) && !key.keyArn().endsWith(":key/" + keyId)) {
            throw INCORRECT_KEY.withMessage("The key ID in the request does not identify the key that encrypted "
                    + "the ciphertext.");
        }
        return Uni.createFrom().item(key);
    }
}
