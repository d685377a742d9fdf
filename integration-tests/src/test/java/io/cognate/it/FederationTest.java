package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cognate.it.support.AwsCli;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.RelyingParty;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;

/**
 * Federation with an external OpenID Connect provider: oidc-provider (Node, {@code src/test/node/idp-oidc.mjs}) as a
 * corporate IdP, configured with the AWS CLI (and the Java SDK v2); an off-the-shelf relying party (openid-client, with
 * Debian's Chromium driven by playwright-core) signs a user in through the hosted page's button for it and gets
 * tokens with the {@code identities} claim; and the identity-provider admin actions with Cognito's refusals.
 */
class FederationTest {
    private static final Path NODE_DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void oidcProviderWhenUserSignsInThroughTheHostedPageThenFederatedUserAndTokensWithIdentities() throws Exception {
        HttpServer app = RelyingParty.callbackServer();
        LambdaShims.start();
        String poolId = TestPools.createPool(b -> b.lambdaConfig(l -> l.preSignUp(LambdaShims.arn("pre-signup"))
                .postConfirmation(LambdaShims.arn("record"))));
        String domain = HostedUi.domain(poolId);
        String idpResponse = Stack.get().issuerBaseUrl() + "/domain/" + domain + "/oauth2/idpresponse";
        Process idp = startIdp("cognate", "corp-secret-0123456789-0123456789", idpResponse);
        try {
            String issuer = JSON.readTree(firstLine(idp)).path("issuer").asText();
            // Configured with the AWS CLI, as the README shows.
            AwsCli.Run created = AwsCli.admin("cognito-idp", "create-identity-provider", "--user-pool-id", poolId,
                    "--provider-name", "CorpIdP", "--provider-type", "OIDC", "--provider-details",
                    JSON.writeValueAsString(Map.of("client_id", "cognate", "client_secret",
                            "corp-secret-0123456789-0123456789", "authorize_scopes", "openid email profile",
                            "attributes_request_method", "GET", "oidc_issuer", issuer)),
                    "--attribute-mapping", "email=email,name=name");
            assertEquals(0, created.exit(), created.stderr());
            assertEquals("OIDC", created.json().path("IdentityProvider").path("ProviderType").asText());
            String callback = RelyingParty.callback(app);
            HostedUi.App client = HostedUi.app(poolId, domain, callback,
                    b -> b.supportedIdentityProviders("COGNITO", "CorpIdP"));

            JsonNode result = RelyingParty.signInThroughIdp(client, "CorpIdP", "alice");

            JsonNode claims = result.path("idTokenClaims");
            assertEquals("CorpIdP_alice", claims.path("cognito:username").asText(), result.toString());
            JsonNode identity = claims.path("identities").path(0);
            assertEquals("alice", identity.path("userId").asText());
            assertEquals("CorpIdP", identity.path("providerName").asText());
            assertEquals("OIDC", identity.path("providerType").asText());
            assertEquals(List.of(poolId + "_CorpIdP"), JSON.convertValue(claims.path("cognito:groups"), List.class));
            assertEquals("alice@corp.example", result.path("userInfo").path("email").asText());
            var user = admin.adminGetUser(b -> b.userPoolId(poolId).username("CorpIdP_alice"));
            assertEquals("EXTERNAL_PROVIDER", user.userStatusAsString());
            assertTrue(user.userAttributes().stream().anyMatch(a -> a.name().equals("name")
                    && a.value().equals("Corp alice")), user.toString());

            assertTrue(LambdaShims.events("pre-signup").stream().anyMatch(e -> e.path("triggerSource").asText()
                    .equals("PreSignUp_ExternalProvider") && e.path("userName").asText().equals("CorpIdP_alice")));
            assertTrue(LambdaShims.events("record").stream().anyMatch(e -> e.path("triggerSource").asText()
                    .equals("PostConfirmation_ConfirmSignUp") && e.path("userName").asText().equals("CorpIdP_alice")));

            // A second sign-in is the same user, not a new one.
            JsonNode again = RelyingParty.signInThroughIdp(client, "CorpIdP", "alice");
            assertEquals(claims.path("sub").asText(), again.path("idTokenClaims").path("sub").asText());

            // PreSignUp_ExternalProvider refuses a first sign-in: relayed to the client, no user made.
            JsonNode refused = RelyingParty.signInThroughIdp(client, "CorpIdP", "eve@blocked.example");
            assertEquals("invalid_request", refused.path("callbackError").asText(), refused.toString());
            assertTrue(refused.path("callbackErrorDescription").asText()
                    .contains("Registration from this domain is not allowed."), refused.toString());
            assertThrows(AwsServiceException.class, () -> admin.adminGetUser(b -> b.userPoolId(poolId)
                    .username("CorpIdP_eve@blocked.example")));

            // A provider user linked to a native user signs the native user in; linking one who signed in is refused.
            TestUser dave = TestUsers.confirmed(client.pool());
            admin.adminLinkProviderForUser(b -> b.userPoolId(poolId).destinationUser(u -> u.providerName("Cognito")
                    .providerAttributeValue(dave.username())).sourceUser(u -> u.providerName("CorpIdP")
                            .providerAttributeName("Cognito_Subject").providerAttributeValue("carol")));
            JsonNode linked = RelyingParty.signInThroughIdp(client, "CorpIdP", "carol").path("idTokenClaims");
            assertEquals(dave.sub(), linked.path("sub").asText(), linked.toString());
            assertEquals("carol", linked.path("identities").path(0).path("userId").asText());
            assertEquals("false", linked.path("identities").path(0).path("primary").asText());
            AwsServiceException merging = assertThrows(AwsServiceException.class, () -> admin.adminLinkProviderForUser(
                    b -> b.userPoolId(poolId).destinationUser(u -> u.providerName("Cognito")
                            .providerAttributeValue(dave.username())).sourceUser(u -> u.providerName("CorpIdP")
                                    .providerAttributeName("Cognito_Subject").providerAttributeValue("alice"))));
            assertTrue(merging.awsErrorDetails().errorMessage().startsWith("Merging is not currently supported"));
            admin.adminDisableProviderForUser(b -> b.userPoolId(poolId).user(u -> u.providerName("CorpIdP")
                    .providerAttributeName("Cognito_Subject").providerAttributeValue("carol")));
            assertTrue(admin.adminGetUser(b -> b.userPoolId(poolId).username(dave.username())).userAttributes()
                    .stream().noneMatch(a -> a.name().equals("identities")));
        } finally {
            idp.destroy();
            app.stop(0);
        }
    }

    @Test
    void oidcProviderWhenItTakesTheClientSecretByHttpBasicOnlyThenCognateSendsItSo() throws Exception {
        HttpServer app = RelyingParty.callbackServer();
        String poolId = TestPools.createPool(b -> {
        });
        String domain = HostedUi.domain(poolId);
        String idpResponse = Stack.get().issuerBaseUrl() + "/domain/" + domain + "/oauth2/idpresponse";
        Process idp = startIdp(freePort(), "basic-client", "basic-secret-0123456789-0123456789", idpResponse,
                Map.of("AUTH_METHOD", "client_secret_basic"));
        try {
            String issuer = JSON.readTree(firstLine(idp)).path("issuer").asText();
            admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("BasicIdP")
                    .providerType(IdentityProviderTypeType.OIDC).providerDetails(Map.of("client_id", "basic-client",
                            "client_secret", "basic-secret-0123456789-0123456789", "authorize_scopes",
                            "openid email", "attributes_request_method", "GET", "oidc_issuer", issuer)));
            HostedUi.App client = HostedUi.app(poolId, domain, RelyingParty.callback(app), b -> b
                    .supportedIdentityProviders("COGNITO", "BasicIdP"));
            JsonNode result = RelyingParty.signInThroughIdp(client, "BasicIdP", "basil");
            assertEquals("BasicIdP_basil", result.path("idTokenClaims").path("cognito:username").asText(),
                    result.toString());
        } finally {
            idp.destroy();
            app.stop(0);
        }
    }

    @Test
    void googleWhenItsIssuerIsALocalProviderThenUsersSignInAsGoogleUsersAndIdentityPoolsTakeItsTokens()
            throws Exception {
        HttpServer app = RelyingParty.callbackServer();
        String poolId = TestPools.createPool(b -> {
        });
        String domain = HostedUi.domain(poolId);
        String idpResponse = Stack.get().issuerBaseUrl() + "/domain/" + domain + "/oauth2/idpresponse";
        // The test stack's Google issuer (COGNATE_GOOGLE_ISSUER) is this port: oidc-provider plays Google.
        Process google = startIdp(Stack.get().googleIdpPort(), "google-app.apps.example", "google-secret-0123456789abcdef",
                idpResponse);
        try {
            firstLine(google);
            IdentityProviderType created = admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Google")
                    .providerType(IdentityProviderTypeType.GOOGLE).providerDetails(Map.of("client_id",
                            "google-app.apps.example", "client_secret", "google-secret-0123456789abcdef",
                            "authorize_scopes", "openid email profile"))
                    .attributeMapping(Map.of("email", "email", "given_name", "given_name"))).identityProvider();
            assertEquals("http://127.0.0.1:" + Stack.get().googleIdpPort(), created.providerDetails()
                    .get("oidc_issuer"));
            String callback = RelyingParty.callback(app);
            HostedUi.App client = HostedUi.app(poolId, domain, callback,
                    b -> b.supportedIdentityProviders("Google"));

            JsonNode result = RelyingParty.signInThroughIdp(client, "Google", "bob");

            JsonNode claims = result.path("idTokenClaims");
            assertEquals("Google", claims.path("identities").path(0).path("providerType").asText(), result.toString());
            assertEquals("bob", claims.path("given_name").asText());
            assertEquals("false", admin.adminGetUser(b -> b.userPoolId(poolId).username("Google_bob"))
                    .userAttributes().stream().filter(a -> a.name().equals("email_verified")).findFirst()
                    .orElseThrow().value());

            // An identity pool takes Google's ID tokens directly (SupportedLoginProviders accounts.google.com).
            String googleIdp = "http://127.0.0.1:" + Stack.get().googleIdpPort();
            String idToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(googleIdp
                    + "/test/id-token?sub=bob&aud=google-app.apps.example")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String identityPool = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("google")
                    .allowUnauthenticatedIdentities(false).supportedLoginProviders(Map.of("accounts.google.com",
                            "google-app.apps.example")))
                    .identityPoolId();
            IdentityPools.roles(identityPool, IdentityPools.role(identityPool, "authenticated", null), null);
            Map<String, String> logins = Map.of("accounts.google.com", idToken);
            String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool).logins(logins))
                    .identityId();
            assertTrue(IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity).logins(logins))
                    .credentials().accessKeyId().startsWith("ASIA"));
            String otherApp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(googleIdp
                    + "/test/id-token?sub=bob&aud=another-app")).build(), HttpResponse.BodyHandlers.ofString()).body();
            expect("NotAuthorizedException", () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool)
                    .logins(Map.of("accounts.google.com", otherApp))));
            expect("InvalidParameterException", () -> IdentityPools.admin().createIdentityPool(r -> r
                    .identityPoolName("unknown").allowUnauthenticatedIdentities(false)
                    .supportedLoginProviders(Map.of("login.example.com", "app"))));
        } finally {
            google.destroy();
            app.stop(0);
        }
    }

    @Test
    void identityProvidersWhenManagedThroughTheSdkThenCognitosShapesAndRefusals() {
        String poolId = TestPools.createPool(b -> {
        });
        Map<String, String> details = Map.of("client_id", "app", "client_secret", "secret", "authorize_scopes",
                "openid", "attributes_request_method", "GET", "oidc_issuer", "https://idp.example.com");
        IdentityProviderType created = admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC).providerDetails(details)
                .idpIdentifiers("corp.example.com")).identityProvider();
        assertEquals(Map.of("username", "sub"), created.attributeMapping());
        assertEquals(details, created.providerDetails());
        assertEquals("Corp", admin.getIdentityProviderByIdentifier(b -> b.userPoolId(poolId)
                .idpIdentifier("corp.example.com")).identityProvider().providerName());
        assertEquals(List.of("Corp"), admin.listIdentityProviders(b -> b.userPoolId(poolId).maxResults(10))
                .providers().stream().map(p -> p.providerName()).toList());
        admin.updateIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")
                .attributeMapping(Map.of("email", "mail")));
        assertEquals("mail", admin.describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp"))
                .identityProvider().attributeMapping().get("email"));

        expect("DuplicateProviderException", () -> admin.createIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Corp").providerType(IdentityProviderTypeType.OIDC).providerDetails(details)));
        expect("InvalidParameterException", () -> admin.createIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("MyGoogle").providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(Map.of("client_id", "a", "client_secret", "b", "authorize_scopes", "openid"))));
        expect("InvalidParameterException", () -> admin.createIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Plain").providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(Map.of("client_id", "a", "authorize_scopes", "openid", "attributes_request_method",
                        "GET", "oidc_issuer", "http://idp.example.com"))));
        expect("InvalidParameterException", () -> TestPools.client(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(List.of(software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType.CODE))
                .allowedOAuthScopes("openid").callbackURLs("https://app.example.com/cb")
                .supportedIdentityProviders("COGNITO", "Missing")));
        admin.deleteIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp"));
        expect("ResourceNotFoundException", () -> admin.describeIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Corp")));
    }

    @Test
    void providerWhenItAnswersAnErrorOrIsUnreachableThenRelayedToTheClientAndAForgedStateRefused() {
        String poolId = TestPools.createPool(b -> {
        });
        String domain = HostedUi.domain(poolId);
        // An OIDC provider with explicit endpoints on a closed loopback port: the redirect needs none of them reachable.
        admin.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC).providerDetails(Map.of("client_id", "app",
                        "client_secret", "secret", "authorize_scopes", "openid email", "attributes_request_method",
                        "GET", "authorize_url", "http://127.0.0.1:9/authorize", "token_url",
                        "http://127.0.0.1:9/token", "attributes_url", "http://127.0.0.1:9/userinfo", "jwks_uri",
                        "http://127.0.0.1:9/jwks"))
                .idpIdentifiers("corp.example.com"));
        HostedUi.App client = HostedUi.app(poolId, domain, "https://app.example.com/cb",
                b -> b.supportedIdentityProviders("COGNITO", "Corp"));
        HostedUi.Session browser = new HostedUi.Session();

        String toProvider = HostedUi.location(browser.get(client.authorizeUrl(Map.of("identity_provider", "Corp",
                "state", "app-state", "scope", "openid"))));
        assertTrue(toProvider.startsWith("http://127.0.0.1:9/authorize?"), toProvider);
        assertEquals("app", HostedUi.parameter(toProvider, "client_id"));
        assertEquals(client.base() + "/oauth2/idpresponse", HostedUi.parameter(toProvider, "redirect_uri"));
        assertEquals("S256", HostedUi.parameter(toProvider, "code_challenge_method"));
        assertTrue(HostedUi.parameter(toProvider, "nonce").length() >= 43);
        String state = HostedUi.parameter(toProvider, "state");
        assertTrue(HostedUi.location(new HostedUi.Session().get(client.authorizeUrl(Map.of("idp_identifier",
                "corp.example.com")))).startsWith("http://127.0.0.1:9/authorize?"));
        // The state is good only in the browser that was sent to the provider (its binding cookie): login CSRF.
        assertEquals(400, new HostedUi.Session().get(client.base() + "/oauth2/idpresponse?code=abc&state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)).statusCode());

        String denied = HostedUi.location(browser.get(client.base() + "/oauth2/idpresponse?error=access_denied"
                + "&error_description=The+user+said+no&state=" + java.net.URLEncoder.encode(state,
                        StandardCharsets.UTF_8)));
        assertTrue(denied.startsWith("https://app.example.com/cb?"), denied);
        assertEquals("access_denied", HostedUi.parameter(denied, "error"));
        assertEquals("The user said no", HostedUi.parameter(denied, "error_description"));
        assertEquals("app-state", HostedUi.parameter(denied, "state"));

        String unreachable = HostedUi.location(browser.get(client.base() + "/oauth2/idpresponse?code=abc&state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)));
        assertEquals("invalid_request", HostedUi.parameter(unreachable, "error"));
        assertTrue(HostedUi.parameter(unreachable, "error_description").contains("could not be reached"),
                unreachable);

        assertEquals(400, browser.get(client.base() + "/oauth2/idpresponse?code=abc&state=forged").statusCode());
        String unknown = HostedUi.location(browser.get(client.authorizeUrl(Map.of("identity_provider", "Other"))));
        assertEquals("invalid_request", HostedUi.parameter(unknown, "error"));
    }

    private static Process startIdp(String clientId, String secret, String redirectUri) throws Exception {
        return startIdp(freePort(), clientId, secret, redirectUri, Map.of());
    }

    private static Process startIdp(int port, String clientId, String secret, String redirectUri) throws Exception {
        return startIdp(port, clientId, secret, redirectUri, Map.of());
    }

    private static Process startIdp(int port, String clientId, String secret, String redirectUri,
            Map<String, String> env) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "idp-oidc.mjs").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        node.environment().putAll(Map.of("PORT", Integer.toString(port), "CLIENT_ID", clientId, "CLIENT_SECRET",
                secret, "REDIRECT_URI", redirectUri));
        node.environment().putAll(env);
        return node.start();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new AssertionError("the identity provider did not start");
        }
        return line;
    }

    private static void expect(String type, org.junit.jupiter.api.function.Executable call) {
        AwsServiceException error = assertThrows(AwsServiceException.class, call);
        assertEquals(type, error.awsErrorDetails().errorCode(), error::getMessage);
        assertTrue(error.statusCode() < 500);
    }
}
