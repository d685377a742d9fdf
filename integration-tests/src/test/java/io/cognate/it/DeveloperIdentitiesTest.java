package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.Names;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenForDeveloperIdentityResponse;

/**
 * Developer-authenticated identities through the AWS SDK for Java v2, as a developer's backend (signed) and its app
 * (unsigned) call them: tokens for the backend's own users, lookups, merges, unlinking.
 */
class DeveloperIdentitiesTest {

    @Test
    void developerUserWhenTokenIssuedThenSameIdentityEachTimeAndItsCredentialsAreAuthenticated() {
        String provider = Names.unique("login.example");
        String pool = developerPool(provider);
        IdentityPools.roles(pool, IdentityPools.role(pool, "authenticated", null), null);

        var first = token(pool, provider, "user-1");
        var again = token(pool, provider, "user-1");

        assertEquals(first.identityId(), again.identityId());
        Credentials credentials = IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(first
                .identityId()).logins(Map.of("cognito-identity.amazonaws.com", first.token()))).credentials();
        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        var lookup = IdentityPools.admin().lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier("user-1").maxResults(10));
        assertEquals(first.identityId(), lookup.identityId());
        assertEquals(List.of("user-1"), lookup.developerUserIdentifierList());
    }

    @Test
    void developerUserWhenRegisteredUnderAnotherIdentityThenDeveloperUserAlreadyRegistered() {
        String provider = Names.unique("login.example");
        String pool = developerPool(provider);
        String one = token(pool, provider, "alice").identityId();
        String other = token(pool, provider, "bob").identityId();

        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> IdentityPools.admin()
                .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool).identityId(other)
                        .logins(Map.of(provider, "alice"))));
        assertEquals("DeveloperUserAlreadyRegisteredException", refused.awsErrorDetails().errorCode());
        assertEquals("The provided developer user identifier is already registered with Cognito under a different "
                + "identity ID.", refused.awsErrorDetails().errorMessage());
        assertTrue(!one.equals(other));
    }

    @Test
    void developerUsersWhenMergedThenOneIdentityHoldsBothAndUnlinkRemovesOne() {
        String provider = Names.unique("login.example");
        String pool = developerPool(provider);
        String source = token(pool, provider, "old-account").identityId();
        String destination = token(pool, provider, "new-account").identityId();

        String merged = IdentityPools.admin().mergeDeveloperIdentities(r -> r.identityPoolId(pool)
                .developerProviderName(provider).sourceUserIdentifier("old-account")
                .destinationUserIdentifier("new-account")).identityId();

        assertEquals(destination, merged);
        var lookup = IdentityPools.admin().lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(merged)
                .maxResults(10));
        assertEquals(List.of("new-account", "old-account"), lookup.developerUserIdentifierList());
        assertTrue(IdentityPools.admin().listIdentities(r -> r.identityPoolId(pool).maxResults(10).hideDisabled(true))
                .identities().stream().noneMatch(i -> i.identityId().equals(source)));

        IdentityPools.admin().unlinkDeveloperIdentity(r -> r.identityPoolId(pool).identityId(merged)
                .developerProviderName(provider).developerUserIdentifier("old-account"));
        assertEquals(List.of("new-account"), IdentityPools.admin().lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(merged).maxResults(10)).developerUserIdentifierList());
    }

    @Test
    void developerTokenWhenSignedWithoutAdminCredentialsThenRefused() {
        String provider = Names.unique("login.example");
        String pool = developerPool(provider);
        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                .getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool).logins(Map.of(provider, "x"))));
        assertEquals("MissingAuthenticationTokenException", refused.awsErrorDetails().errorCode());
    }

    private static String developerPool(String provider) {
        return IdentityPools.admin().createIdentityPool(r -> r.identityPoolName(Names.unique("dev"))
                .allowUnauthenticatedIdentities(false).developerProviderName(provider)).identityPoolId();
    }

    private static GetOpenIdTokenForDeveloperIdentityResponse token(String pool, String provider, String user) {
        return IdentityPools.admin().getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of(provider, user)).tokenDuration(600L));
    }
}
