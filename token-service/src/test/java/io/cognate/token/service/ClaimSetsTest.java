package io.cognate.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimSetsTest {

    private static final ClaimSets.Issue ISSUE = new ClaimSets.Issue("https://cognate.example.com/us-east-1_TestPool",
            "origin-1", "event-1", 1_700_000_000L, 1_700_000_100L, List.of("pwd"));

    private static MintCommand command(List<String> groups, List<String> roles, String preferredRole,
            Map<String, String> attributes, List<String> scopes) {
        return new MintCommand("us-east-1_TestPool", "client-1", "alice", "sub-1", groups, roles, preferredRole,
                attributes, scopes, 0, 300, 600, 0, "", List.of("pwd"), null, null, MintCommand.Customization.NONE);
    }

    @Test
    void idTokenThenCognitoClaimsInCognitoOrder() {
        MintCommand cmd = command(List.of("admins"), List.of("arn:aws:iam::1:role/r"), "arn:aws:iam::1:role/r",
                Map.of("email", "a@example.com", "email_verified", "true", "phone_number_verified", "false",
                        "custom:tier", "gold"),
                List.of());

        Map<String, Object> claims = ClaimSets.idToken(cmd, ISSUE, "jti-1", "access");

        assertEquals(List.of("sub", "cognito:groups", "email_verified", "phone_number_verified", "iss",
                "cognito:username", "origin_jti", "cognito:roles", "cognito:preferred_role", "aud", "event_id",
                "token_use", "auth_time", "amr", "exp", "iat", "jti", "custom:tier", "email"), List.copyOf(claims.keySet()));
        assertEquals(true, claims.get("email_verified"));
        assertEquals(false, claims.get("phone_number_verified"));
        assertEquals("client-1", claims.get("aud"));
        assertEquals("id", claims.get("token_use"));
        assertEquals(1_700_000_000L, claims.get("auth_time"));
        assertEquals(1_700_000_100L, claims.get("iat"));
        assertEquals(1_700_000_700L, claims.get("exp"));
        assertEquals("gold", claims.get("custom:tier"));
    }

    @Test
    void idTokenWhenNoGroupsOrRolesThenThoseClaimsAbsent() {
        Map<String, Object> claims = ClaimSets.idToken(command(List.of(), List.of(), "", Map.of(), List.of()), ISSUE,
                "jti-1", "access");

        assertFalse(claims.containsKey("cognito:groups"));
        assertFalse(claims.containsKey("cognito:roles"));
        assertFalse(claims.containsKey("cognito:preferred_role"));
        assertFalse(claims.containsKey("email_verified"));
    }

    @Test
    void idTokenWhenAttributeNamesReservedClaimThenIgnored() {
        MintCommand cmd = command(List.of(), List.of(), "",
                Map.of("sub", "forged", "token_use", "access", "exp", "9999999999", "cognito:groups", "root"),
                List.of());

        Map<String, Object> claims = ClaimSets.idToken(cmd, ISSUE, "jti-1", "access");

        assertEquals("sub-1", claims.get("sub"));
        assertEquals("id", claims.get("token_use"));
        assertEquals(1_700_000_700L, claims.get("exp"));
        assertFalse(claims.containsKey("cognito:groups"));
    }

    @Test
    void accessTokenThenCognitoClaimsInCognitoOrder() {
        MintCommand cmd = command(List.of("admins"), List.of(), "", Map.of("email", "a@example.com"),
                List.of("openid", "aws.cognito.signin.user.admin"));

        Map<String, Object> claims = ClaimSets.accessToken(cmd, ISSUE, "jti-2");

        assertEquals(List.of("sub", "cognito:groups", "iss", "client_id", "origin_jti", "event_id", "token_use",
                "scope", "auth_time", "exp", "iat", "jti", "username"), List.copyOf(claims.keySet()));
        assertEquals("openid aws.cognito.signin.user.admin", claims.get("scope"));
        assertEquals("access", claims.get("token_use"));
        assertEquals(1_700_000_400L, claims.get("exp"));
        assertEquals("alice", claims.get("username"));
    }

    @Test
    void mintCommandWhenValiditiesUnsetThenCognitoDefaults() {
        MintCommand cmd = new MintCommand("p_1", "c", "u", "s", List.of(), List.of(), "", Map.of(), List.of(), 0, 0,
                0, 0, "", List.of(), null, null, MintCommand.Customization.NONE);

        assertEquals(3600, cmd.accessTokenValidity());
        assertEquals(3600, cmd.idTokenValidity());
        assertEquals(30L * 24 * 3600, cmd.refreshTokenValidity());
    }

    @Test
    void oauthTokensWhenMintedThenAtHashFirstNonceAndVersion() {
        MintCommand api = command(List.of(), List.of(), "", Map.of(), List.of("openid", "email"));
        MintCommand oauth = new MintCommand(api.userPoolId(), api.clientId(), api.username(), api.sub(), api.groups(),
                api.roles(), api.preferredRole(), api.attributes(), api.scopes(), 0, 300, 600, 0, "", List.of("pwd"),
                new MintCommand.OAuth("n-1", true), null, MintCommand.Customization.NONE);

        Map<String, Object> id = ClaimSets.idToken(oauth, ISSUE, "jti-1", "the-access-token");
        Map<String, Object> access = ClaimSets.accessToken(oauth, ISSUE, "jti-2");

        assertEquals("at_hash", id.keySet().iterator().next());
        assertEquals(ClaimSets.atHash("the-access-token"), id.get("at_hash"));
        assertEquals("n-1", id.get("nonce"));
        assertEquals(2, access.get("version"));
        assertEquals("openid email", access.get("scope"));
        assertFalse(ClaimSets.accessToken(api, ISSUE, "jti-3").containsKey("version"), "API tokens have no version");
        assertFalse(ClaimSets.idToken(api, ISSUE, "jti-4", "x").containsKey("at_hash"));
    }

    @Test
    void clientCredentialsWhenTriggerCustomizesThenItsClaimsButNotTheProtectedOnes() {
        Map<String, Object> claims = ClaimSets.clientCredentials("client-9", List.of("api/read"), "https://iss", 100,
                3600, "jti-1", Map.of("tenant", "acme", "sub", "someone-else", "scope", "admin"),
                List.of("jti", "version"));

        assertEquals("acme", claims.get("tenant"));
        assertEquals("client-9", claims.get("sub"));
        assertEquals("api/read", claims.get("scope"));
        assertEquals("jti-1", claims.get("jti"));
        assertEquals(2, claims.get("version"));
    }

    @Test
    void clientCredentialsWhenMintedThenCognitosTenClaims() {
        Map<String, Object> claims = ClaimSets.clientCredentials("client-9", List.of("api/read"), "https://iss", 100,
                3600, "jti-1", Map.of(), List.of());

        assertEquals(List.of("sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti",
                "client_id"), List.copyOf(claims.keySet()));
        assertEquals("client-9", claims.get("sub"));
        assertEquals(3700L, claims.get("exp"));
    }

    @Test
    void triggerCustomizationWhenAppliedThenProtectedClaimsKept() {
        MintCommand api = command(List.of(), List.of(), "", Map.of("custom:tier", "gold"), List.of("openid"));
        MintCommand customized = new MintCommand(api.userPoolId(), api.clientId(), api.username(), api.sub(),
                api.groups(), api.roles(), api.preferredRole(), api.attributes(), api.scopes(), 0, 300, 600, 0, "",
                List.of("pwd"), null, null, new MintCommand.Customization(
                        Map.of("department", "sales", "sub", "someone-else", "level", 3),
                        List.of("custom:tier", "iss"), Map.of("tenant", List.of("a", "b"), "client_id", "x"),
                        List.of("username")));

        Map<String, Object> id = ClaimSets.idToken(customized, ISSUE, "jti-1", "at");
        Map<String, Object> access = ClaimSets.accessToken(customized, ISSUE, "jti-2");

        assertEquals("sales", id.get("department"));
        assertEquals(3, id.get("level"));
        assertEquals("sub-1", id.get("sub"));
        assertFalse(id.containsKey("custom:tier"));
        assertEquals(ISSUE.issuer(), id.get("iss"));
        assertEquals(List.of("a", "b"), access.get("tenant"));
        assertEquals("client-1", access.get("client_id"));
        assertEquals("alice", access.get("username"));
    }

    @Test
    void atHashWhenKnownVectorThenLeftHalfOfSha256Base64Url() {
        // Computed independently: base64url(sha256(token)[:16]) with Python's hashlib.
        assertEquals("bZnvhhFQHzJjv0dlNntc5w", ClaimSets.atHash("jHkWEdUXMU1BwAsC4vtUsZwnLPoP5mqzMCb9Tbfq4jY"));
    }
}
