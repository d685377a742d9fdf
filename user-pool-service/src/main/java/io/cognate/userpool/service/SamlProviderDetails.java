package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.CallerContext;
import io.cognate.saml.IdpMetadata;
import io.cognate.saml.MetadataDocuments;
import io.cognate.saml.SamlException;
import io.cognate.saml.SpMetadata;
import io.cognate.userpool.model.IdentityProvider;
import io.smallrye.mutiny.Uni;

/**
 * A SAML provider's ProviderDetails as Cognito takes them: its metadata by MetadataFile or MetadataURL (fetched now,
 * and again at every UpdateIdentityProvider), IDPSignout, IDPInit, EncryptedResponses and RequestSigningAlgorithm;
 * the metadata must name a signing certificate valid today and an HTTP-Redirect SSO service (and an SLO service for
 * IDPSignout). What Cognito describes from them is derived here: SSORedirectBindingURI, SLORedirectBindingURI and,
 * with EncryptedResponses, the pool's ActiveEncryptionCertificate.
 */
@ApplicationScoped
public class SamlProviderDetails {
    static final Set<String> GIVEN = Set.of("MetadataURL", "MetadataFile", "IDPSignout", "IDPInit",
            "EncryptedResponses", "RequestSigningAlgorithm");
    static final Set<String> DERIVED = Set.of("SSORedirectBindingURI", "SLORedirectBindingURI",
            "ActiveEncryptionCertificate");
    /** The document a MetadataURL answered, kept for sign-ins. */
    public static final String FETCHED_METADATA = IdentityProvider.INTERNAL + "metadata";
    private static final Set<String> FLAGS = Set.of("IDPSignout", "IDPInit", "EncryptedResponses");

    private final SamlKeys keys;

    public SamlProviderDetails(SamlKeys keys) {
        this.keys = keys;
    }

    /** The details to store: the given ones checked, with the derived ones. */
    public Uni<Map<String, String>> resolve(String poolId, Map<String, String> requested) {
        Map<String, String> details = new LinkedHashMap<>(requested);
        details.keySet().removeIf(key -> DERIVED.contains(key) || key.startsWith(IdentityProvider.INTERNAL));
        for (String key : details.keySet()) {
            if (!GIVEN.contains(key)) {
                throw INVALID_PARAMETER.withMessage("ProviderDetails of a SAML provider may not contain %s.", key);
            }
        }
        for (String flag : FLAGS) {
            if (details.containsKey(flag) && !Set.of("true", "false").contains(details.get(flag))) {
                throw INVALID_PARAMETER.withMessage("ProviderDetails: %s must be true or false.", flag);
            }
        }
        String algorithm = details.get("RequestSigningAlgorithm");
        if (algorithm != null && !"rsa-sha256".equals(algorithm)) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: RequestSigningAlgorithm must be rsa-sha256.");
        }
        String url = details.get("MetadataURL");
        String file = details.get("MetadataFile");
        if ((url == null) == (file == null)) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails of a SAML provider must contain either MetadataFile "
                    + "or MetadataURL.");
        }
        Uni<String> document;
        if (url != null) {
            IdentityProviderRules.checkUrl("MetadataURL", url);
            document = CallerContext.resumeOnCaller(Uni.createFrom().completionStage(() -> MetadataDocuments
                    .fetch(url))).onFailure().transform(e -> INVALID_PARAMETER.withMessage("ProviderDetails: %s",
                            e instanceof SamlException ? e.getMessage() : "the MetadataURL could not be fetched."));
        } else {
            document = Uni.createFrom().item(file);
        }
        return document.chain(xml -> {
            IdpMetadata metadata = metadata(xml);
            details.put("SSORedirectBindingURI", metadata.ssoRedirectUrl());
            if (!metadata.sloRedirectUrl().isEmpty()) {
                details.put("SLORedirectBindingURI", metadata.sloRedirectUrl());
            } else if ("true".equals(details.get("IDPSignout"))) {
                throw INVALID_PARAMETER.withMessage("ProviderDetails: IDPSignout needs a SingleLogoutService with "
                        + "the HTTP-Redirect binding in the metadata.");
            }
            if (url != null) {
                details.put(FETCHED_METADATA, xml);
            }
            if (!"true".equals(details.get("EncryptedResponses"))) {
                return Uni.createFrom().item(Map.copyOf(details));
            }
            return keys.of(poolId).map(pool -> {
                details.put("ActiveEncryptionCertificate", SpMetadata.base64(pool.encryption().certificate()));
                return Map.copyOf(details);
            });
        });
    }

    private static IdpMetadata metadata(String xml) {
        try {
            IdpMetadata metadata = IdpMetadata.parse(xml);
            metadata.checkValidAt(Instant.now());
            return metadata;
        } catch (SamlException e) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: %s", e.getMessage());
        }
    }
}
