package io.cognate.identitypool.messaging;

/** The identity events on {@code cognate.identitypool.events} (CloudEvent type {@code io.cognate.identitypool.<name>}). */
public enum IdentityEventType {
    /** GetId, GetOpenIdTokenForDeveloperIdentity: a new identity; data: authenticated, providers. */
    IdentityCreated,
    /** A login linked to an existing identity; data: providers. */
    LoginsLinked,
    /** Another identity merged into this one (its logins moved, itself disabled); data: mergedIdentityId. */
    IdentitiesMerged,
    /** Logins unlinked (UnlinkIdentity, UnlinkDeveloperIdentity); data: providers. */
    LoginsUnlinked,
    /** DeleteIdentities. */
    IdentityDeleted,
    /** GetCredentialsForIdentity; data: roleArn, accessKeyId, expiration, authenticated. */
    CredentialsIssued
}
