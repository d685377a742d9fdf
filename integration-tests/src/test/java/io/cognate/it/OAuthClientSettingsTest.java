package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** An app client's OAuth members against Cognito's rules, with Cognito's exception types and texts. */
class OAuthClientSettingsTest {
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void clientCredentialsWhenMixedWithCodeOrWithoutSecretOrWithStandardScopeThenInvalidOAuthFlow() {
        String poolId = TestPools.createPool(b -> {
        });
        admin.createResourceServer(b -> b.userPoolId(poolId).identifier("api").name("API")
                .scopes(ResourceServersTest.scope("read")));
        Expect.error(InvalidOAuthFlowException.class,
                "client_credentials flow can not be selected along with code flow or implicit flow.",
                () -> TestPools.client(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS, OAuthFlowType.CODE)
                        .allowedOAuthScopes("api/read").callbackURLs("https://app.example.com/cb")));
        Expect.error(InvalidOAuthFlowException.class,
                "client_credentials flow can not be selected if client does not have a client secret.",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("api/read")));
        Expect.error(InvalidOAuthFlowException.class, "openid is not supported with client_credentials flow",
                () -> TestPools.client(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("openid")));
        UserPoolClientType machine = TestPools.client(poolId, b -> b.generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes("api/read"));
        assertEquals(List.of(OAuthFlowType.CLIENT_CREDENTIALS), machine.allowedOAuthFlows());
    }

    @Test
    void scopesWhenUnknownThenScopeDoesNotExist() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.error(ScopeDoesNotExistException.class, "Invalid scope requested: orders/read",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid", "orders/read")
                        .callbackURLs("https://app.example.com/cb")));
    }

    @Test
    void urlsWhenHttpOffTheLoopbackOrDefaultNotACallbackThenInvalidParameter() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.error(InvalidParameterException.class, "http://app.example.com/cb cannot use the HTTP protocol.",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                        .callbackURLs("http://app.example.com/cb")));
        Expect.errorMentioning(InvalidParameterException.class, "must be one of the CallbackURLs",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                        .callbackURLs("https://app.example.com/cb").defaultRedirectURI("https://app.example.com/x")));
        Expect.error(InvalidOAuthFlowException.class,
                "CallbackUrls can not be empty when code flow or implicit flow is selected",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")));
        Expect.error(InvalidParameterException.class, "The provider Google does not exist for User Pool " + poolId,
                () -> TestPools.client(poolId, b -> b.supportedIdentityProviders("COGNITO", "Google")));
        UserPoolClientType loopback = TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                .callbackURLs("http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "myapp://callback"));
        assertEquals(3, loopback.callbackURLs().size());
    }

    @Test
    void oauthFlagWhenTrueWithoutFlowsOrScopesThenRefusedAndUnsetReadsFalse() {
        String poolId = TestPools.createPool(b -> {
        });
        Expect.error(InvalidParameterException.class, "AllowedOAuthFlows and AllowedOAuthScopes are required if user "
                + "pool client is allowed to use OAuth flows.",
                () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)));
        UserPoolClientType plain = TestPools.client(poolId, b -> {
        });
        assertFalse(plain.allowedOAuthFlowsUserPoolClient());
        assertEquals(FeatureType.DISABLED, plain.refreshTokenRotation().feature());
    }
}
