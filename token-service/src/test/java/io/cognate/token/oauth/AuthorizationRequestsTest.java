package io.cognate.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.userpool.v1.OAuthClient;

class AuthorizationRequestsTest {
    private static final String CALLBACK = "https://app.example.com/cb";
    private static final OAuthClient CLIENT = OAuthClient.newBuilder().setClientId("web").setUserPoolId("us-east-1_A")
            .setOauthEnabled(true).addFlows("code").addAllScopes(List.of("openid", "email", "orders/read"))
            .addCallbackUrls(CALLBACK).addIdentityProviders("COGNITO").build();

    private static Authorization validate(String... nameValues) {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put("response_type", List.of("code"));
        parameters.put("client_id", List.of("web"));
        parameters.put("redirect_uri", List.of(CALLBACK));
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] == null) {
                parameters.remove(nameValues[i]);
            } else {
                parameters.put(nameValues[i], List.of(nameValues[i + 1]));
            }
        }
        return AuthorizationRequests.validate(CLIENT, parameters);
    }

    private static String error(Authorization authorization) {
        return authorization instanceof Authorization.RedirectError redirect ? redirect.error()
                : ((Authorization.ErrorPage) authorization).error();
    }

    @Test
    void validateWhenScopesAskedThenThoseAllowedInOrderAndNoneAskedAllOfThem() {
        AuthorizationRequest request = ((Authorization.Valid) validate("scope", "email openid admin")).request();
        assertEquals(List.of("email", "openid"), request.scopes());
        assertEquals(List.of("openid", "email", "orders/read"),
                ((Authorization.Valid) validate("scope", null)).request().scopes());
        assertEquals("invalid_scope", error(validate("scope", "admin")));
    }

    @Test
    void validateWhenRedirectUriNotExactlyRegisteredThenErrorPageNotARedirect() {
        Authorization trailingSlash = validate("redirect_uri", CALLBACK + "/");
        assertInstanceOf(Authorization.ErrorPage.class, trailingSlash);
        assertEquals("redirect_mismatch", error(trailingSlash));
    }

    @Test
    void validateWhenPkceNotS256OrMalformedThenInvalidRequest() {
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assertEquals("invalid_request", error(validate("code_challenge", challenge, "code_challenge_method",
                "plain")));
        assertEquals("invalid_request", error(validate("code_challenge", "short", "code_challenge_method", "S256")));
        assertEquals(challenge, ((Authorization.Valid) validate("code_challenge", challenge,
                "code_challenge_method", "S256")).request().codeChallenge());
    }

    @Test
    void validateWhenFlowNotAllowedOrResponseTypeUnknownThenTheRfcError() {
        assertEquals("unauthorized_client", error(validate("response_type", "token")));
        assertEquals("unsupported_response_type", error(validate("response_type", "code id_token")));
        assertEquals("invalid_request", error(validate("response_type", null)));
        assertEquals("invalid_request", error(validate("state", "x".repeat(3000))));
        assertEquals("invalid_request", error(validate("identity_provider", "Google")));
    }

    @Test
    void s256WhenRfc7636VectorThenItsChallenge() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                AuthorizationCodes.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
