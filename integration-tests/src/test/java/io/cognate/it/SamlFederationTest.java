package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.cognate.it.support.AwsCli;
import io.cognate.it.support.Browser;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.RelyingParty;
import io.cognate.it.support.SamlIdp;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;

/**
 * Federation with a SAML 2.0 identity provider: samlify (Node, {@code src/test/node/idp-saml.mjs}) as a corporate
 * IdP, configured with the AWS CLI from the pool's SAML metadata; SP-initiated sign-in through the hosted page's button
 * with an off-the-shelf relying party (openid-client, Chromium), IdP-initiated sign-in allowed and refused, single
 * logout, and encrypted assertions in Chromium (Selenium); and every classic attack on a SAML service provider refused
 * with no code issued.
 */
class SamlFederationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("name=\"(SAMLResponse|RelayState)\" value=\"([^\"]*)\"");
    private static final CognitoIdentityProviderClient ADMIN = Cognito.admin();
    private static String poolId;
    private static String domain;
    private static SamlIdp idp;

    @BeforeAll
    static void federateAPoolToTheIdp() throws Exception {
        poolId = TestPools.createPool(b -> {
        });
        domain = HostedUi.domain(poolId);
        String spMetadata = new HostedUi.Session().get(base() + "/saml2/metadata").body();
        assertTrue(spMetadata.contains("entityID=\"urn:amazon:cognito:sp:" + poolId + "\""), spMetadata);
        idp = SamlIdp.start(spMetadata);
        // Configured with the AWS CLI, as the README shows: metadata by URL, signed requests, IdP-initiated sign-in and
        // single logout allowed.
        AwsCli.Run created = AwsCli.admin("cognito-idp", "create-identity-provider", "--user-pool-id", poolId,
                "--provider-name", "CorpSAML", "--provider-type", "SAML", "--provider-details",
                JSON.writeValueAsString(Map.of("MetadataURL", idp.metadataUrl(), "IDPSignout", "true", "IDPInit",
                        "true", "RequestSigningAlgorithm", "rsa-sha256")),
                "--attribute-mapping", "email=email,name=displayName", "--idp-identifiers", "corp.example");
        assertEquals(0, created.exit(), created.stderr());
        JsonNode details = created.json().path("IdentityProvider").path("ProviderDetails");
        assertEquals(idp.base() + "/sso", details.path("SSORedirectBindingURI").asText(), details.toString());
        assertEquals(idp.base() + "/slo", details.path("SLORedirectBindingURI").asText());
        assertFalse(details.has("cognate:metadata"), details.toString());
        // The same IdP again, from its metadata file, with encrypted assertions and without IdP-initiated sign-in.
        ADMIN.createIdentityProvider(b -> b.userPoolId(poolId).providerName("CorpSAMLEnc")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataFile", idp.metadata(),
                        "EncryptedResponses", "true"))
                .attributeMapping(Map.of("email", "email")));
    }

    @AfterAll
    static void stopIdp() {
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void spInitiatedSignInThroughTheHostedPageGivesAnOidcClientTokensWithIdentities() throws Exception {
        HttpServer app = RelyingParty.callbackServer();
        try {
            String callback = RelyingParty.callback(app);
            HostedUi.App client = HostedUi.app(poolId, domain, callback, b -> b.supportedIdentityProviders("COGNITO",
                    "CorpSAML"));
            JsonNode result = RelyingParty.signInThroughIdp(client, "CorpSAML", "alice@corp.example");

            JsonNode claims = result.path("idTokenClaims");
            assertEquals("CorpSAML_alice@corp.example", claims.path("cognito:username").asText(), result.toString());
            JsonNode identity = claims.path("identities").path(0);
            assertEquals("alice@corp.example", identity.path("userId").asText());
            assertEquals("SAML", identity.path("providerType").asText());
            assertEquals(List.of(poolId + "_CorpSAML"), JSON.convertValue(claims.path("cognito:groups"), List.class));
            assertEquals("alice@corp.example", result.path("userInfo").path("email").asText());
            var user = ADMIN.adminGetUser(b -> b.userPoolId(poolId).username("CorpSAML_alice@corp.example"));
            assertEquals("EXTERNAL_PROVIDER", user.userStatusAsString());
            assertTrue(user.userAttributes().stream().anyMatch(a -> a.name().equals("name") && a.value()
                    .equals("Corp alice@corp.example")), user.toString());
            JsonNode request = last(idp.log(), "AuthnRequest");
            assertTrue(request.path("signed").asBoolean(), "RequestSigningAlgorithm: the AuthnRequest is signed");

            // Attribute mapping applies again at the next sign-in.
            ADMIN.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("CorpSAML_alice@corp.example")
                    .userAttributes(a -> a.name("name").value("Renamed")));
            JsonNode again = RelyingParty.signInThroughIdp(client, "CorpSAML", "alice@corp.example");
            assertEquals(claims.path("sub").asText(), again.path("idTokenClaims").path("sub").asText());
            assertEquals("Corp alice@corp.example", again.path("userInfo").path("name").asText(), again.toString());
        } finally {
            app.stop(0);
        }
    }

    @Test
    void idpInitiatedSignInIsTakenOnlyFromAProviderWithIdpInit() throws Exception {
        try (Browser browser = new Browser()) {
            HostedUi.App client = HostedUi.app(poolId, domain, browser.callback(), b -> b
                    .supportedIdentityProviders("CorpSAML", "CorpSAMLEnc"));
            Map<String, String> relay = new LinkedHashMap<>(Map.of("client_id", client.clientId(), "redirect_uri",
                    client.redirectUri(), "response_type", "code", "scope", "openid email"));
            relay.put("identity_provider", "CorpSAML");
            browser.open(idp.base() + "/idp-init?login=bob&relayState=" + encode(HostedUi.form(relay)));
            browser.submit();
            String code = HostedUi.parameter(browser.awaitCallback(), "code");
            assertNotNull(code, browser.url());
            JsonNode tokens = HostedUi.json(HostedUi.token(client, Map.of("grant_type", "authorization_code", "code",
                    code, "redirect_uri", client.redirectUri(), "client_id", client.clientId())));
            assertEquals("CorpSAML_bob", Jwt.claims(tokens.path("id_token").asText()).path("cognito:username")
                    .asText(), tokens.toString());

            relay.put("identity_provider", "CorpSAMLEnc");
            browser.open(idp.base() + "/idp-init?login=bob&relayState=" + encode(HostedUi.form(relay)));
            browser.submit();
            String refused = browser.awaitCallback();
            assertEquals("invalid_request", HostedUi.parameter(refused, "error"), refused);
            assertTrue(HostedUi.parameter(refused, "error_description").contains("IDPInit"), refused);
            assertEquals(null, HostedUi.parameter(refused, "code"));
        }
    }

    @Test
    void signOutEndsTheSessionAtTheIdpTooWithASignedLogoutRequest() throws Exception {
        try (Browser browser = new Browser()) {
            HostedUi.App client = HostedUi.app(poolId, domain, browser.callback(), b -> b
                    .supportedIdentityProviders("CorpSAML"));
            // The idp_identifier route: the IdP named by one of its identifiers (an email domain), no page between.
            browser.open(client.authorizeUrl(Map.of("idp_identifier", "corp.example", "scope", "openid")));
            browser.type("login", "carol@corp.example");
            browser.submit();
            browser.submit();
            assertNotNull(HostedUi.parameter(browser.awaitCallback(), "code"), browser.url());

            browser.open(client.base() + "/logout?client_id=" + client.clientId() + "&logout_uri="
                    + encode(client.redirectUri()));
            assertTrue(browser.url().startsWith(idp.base() + "/slo"), browser.url());
            browser.submit();
            assertTrue(browser.awaitCallback().startsWith(client.redirectUri()));
            JsonNode logout = last(idp.log(), "LogoutRequest");
            assertEquals("carol@corp.example", logout.path("nameId").asText(), logout.toString());
            assertTrue(logout.path("sessionIndex").asText().startsWith("_session-"), logout.toString());

            // The pool's session is over: the authorize endpoint shows the sign-in page again.
            browser.open(client.authorizeUrl(Map.of("scope", "openid")));
            assertTrue(browser.url().contains("/login"), browser.url());
        }
    }

    @Test
    void encryptedAssertionsAreOpenedWithThePoolsKeyAndPlainOnesRefusedForEncryptedResponses() throws Exception {
        HostedUi.App client = app("CorpSAMLEnc");
        Started started = start(client, "CorpSAMLEnc");
        String encrypted = idp.response(Map.of("login", "dan", "inResponseTo", started.requestId(), "encrypt", true));
        assertTrue(decode(encrypted).contains("EncryptedAssertion"));
        assertNotNull(HostedUi.parameter(post(started, encrypted), "code"));

        Started again = start(client, "CorpSAMLEnc");
        assertRefused(post(again, idp.response(Map.of("login", "dan", "inResponseTo", again.requestId()))),
                "EncryptedResponses");
    }

    @Test
    void attacksOnTheServiceProviderAreRefusedWithNoCode() throws Exception {
        HostedUi.App client = app("CorpSAML");
        Started started = start(client, "CorpSAML");
        String good = idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started.requestId()));

        assertRefused(post(started, encode64(decode(good).replaceAll("<ds:Signature[\\s\\S]*?</ds:Signature>", ""))),
                "Neither the Response nor its Assertion is signed");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "rogue", true))), "not valid for a certificate");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "audience", "urn:amazon:cognito:sp:us-east-1_Other"))), "another audience");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "recipient", "https://evil.example/saml2/idpresponse"))), "Recipient");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "destination", "https://evil.example/saml2/idpresponse"))), "Destination");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "lifetimeSeconds", -600))), "expired");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", "_another"))),
                "InResponseTo");
        String xml = decode(good);
        String assertion = xml.substring(xml.indexOf("<saml:Assertion"), xml.indexOf("</saml:Assertion>") + 17);
        String evil = assertion.replaceAll("<ds:Signature[\\s\\S]*?</ds:Signature>", "")
                .replace("erin@corp.example", "admin@corp.example").replaceFirst("ID=\"[^\"]+\"", "ID=\"_evil\"");
        assertRefused(post(started, encode64(xml.replace(assertion, evil + assertion))), "exactly one assertion");
        String forComment = decode(idp.response(Map.of("login", "admin@corp.example.evil.example", "inResponseTo",
                started.requestId())));
        assertRefused(post(started, encode64(forComment.replace(">admin@corp.example.evil.example<",
                ">admin@corp.example<!---->.evil.example<"))), "more than text");
        assertRefused(post(started, idp.response(Map.of("login", "erin@corp.example", "inResponseTo", started
                .requestId(), "status", "urn:oasis:names:tc:SAML:2.0:status:Responder"))), "Responder", "access_denied");

        // The good response signs in once; a replay is refused.
        assertNotNull(HostedUi.parameter(post(started, good), "code"));
        assertRefused(post(started, good), "used already");

        // A response posted without this browser's binding cookie, or with a forged RelayState: the error page.
        HostedUi.Session stranger = new HostedUi.Session();
        assertEquals(400, stranger.post(client.base() + "/saml2/idpresponse", Map.of("SAMLResponse", good,
                "RelayState", started.relayState())).statusCode());
        assertEquals(400, started.session().post(client.base() + "/saml2/idpresponse", Map.of("SAMLResponse", good,
                "RelayState", "forged")).statusCode());
        assertTrue(ADMIN.listUsers(b -> b.userPoolId(poolId).filter("username = \"CorpSAML_admin@corp.example\""))
                .users().isEmpty());
    }

    @Test
    void aUserLinkedByAnAttributeOfTheAssertionSignsInAsTheNativeUser() throws Exception {
        HostedUi.App client = app("CorpSAML");
        TestUser nativeUser = TestUsers.confirmed(client.pool());
        ADMIN.adminLinkProviderForUser(b -> b.userPoolId(poolId).destinationUser(u -> u.providerName("Cognito")
                .providerAttributeValue(nativeUser.username())).sourceUser(u -> u.providerName("CorpSAML")
                        .providerAttributeName("displayName").providerAttributeValue("Corp lena")));
        Started started = start(client, "CorpSAML");
        String code = HostedUi.parameter(post(started, idp.response(Map.of("login", "lena", "inResponseTo", started
                .requestId()))), "code");
        JsonNode tokens = HostedUi.json(HostedUi.token(client, Map.of("grant_type", "authorization_code", "code",
                code, "redirect_uri", client.redirectUri(), "client_id", client.clientId())));
        assertEquals(nativeUser.sub(), Jwt.claims(tokens.path("id_token").asText()).path("sub").asText(), tokens
                .toString());
        assertTrue(ADMIN.listUsers(b -> b.userPoolId(poolId).filter("username = \"CorpSAML_lena\"")).users()
                .isEmpty(), "no federated user is made for a linked one");
    }

    @Test
    void anIdentityPoolTakesTheIdpsAssertionsForAwsUnderAnIamSamlProvider() throws Exception {
        String arn = IdentityPools.iam().createSAMLProvider(b -> b.name("corp-" + poolId.toLowerCase()
                .replaceAll("[^a-z0-9]", "")).samlMetadataDocument(idp.metadata())).samlProviderArn();
        assertTrue(IdentityPools.iam().listSAMLProviders().samlProviderList().stream().anyMatch(p -> p.arn()
                .equals(arn)));
        String identityPool = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("saml")
                .allowUnauthenticatedIdentities(false).samlProviderARNs(arn)).identityPoolId();
        IdentityPools.roles(identityPool, IdentityPools.role(identityPool, "authenticated", null), null);
        Map<String, Object> forAws = Map.of("login", "ann@corp.example", "audience", "urn:amazon:webservices",
                "recipient", "https://signin.aws.amazon.com/saml", "destination", "https://signin.aws.amazon.com/saml");
        Map<String, String> logins = Map.of(arn, idp.response(forAws));
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool).logins(logins))
                .identityId();
        assertTrue(IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity).logins(logins))
                .credentials().accessKeyId().startsWith("ASIA"));
        // An assertion for the user pool, not for AWS, or signed by another key, is no login.
        for (Map<String, Object> wrong : List.of(Map.<String, Object> of("login", "ann@corp.example"),
                Map.<String, Object> of("login", "ann@corp.example", "audience", "urn:amazon:webservices",
                        "recipient", "https://signin.aws.amazon.com/saml", "destination",
                        "https://signin.aws.amazon.com/saml", "rogue", true))) {
            String response = idp.response(wrong);
            AwsServiceException refused = org.junit.jupiter.api.Assertions.assertThrows(AwsServiceException.class,
                    () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(identityPool).logins(Map.of(arn,
                            response))));
            assertEquals("NotAuthorizedException", refused.awsErrorDetails().errorCode(), refused::getMessage);
        }
    }

    @Test
    void theInboundFederationTriggerShapesTheAssertionsAttributesBeforeTheyAreMapped() throws Exception {
        LambdaShims.start();
        String other = TestPools.createPool(b -> b.lambdaConfig(l -> l.inboundFederation(f -> f.lambdaVersion("V1_0")
                .lambdaArn(LambdaShims.arn("inbound-federation")))));
        assertEquals(LambdaShims.arn("inbound-federation"), ADMIN.describeUserPool(b -> b.userPoolId(other))
                .userPool().lambdaConfig().inboundFederation().lambdaArn());
        ADMIN.createIdentityProvider(b -> b.userPoolId(other).providerName("CorpSAML")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataFile", idp.metadata()))
                .attributeMapping(Map.of("email", "email", "name", "displayName")));
        HostedUi.App client = HostedUi.app(other, HostedUi.domain(other), "http://127.0.0.1:9/callback", b -> b
                .supportedIdentityProviders("CorpSAML"));
        Started started = start(client, "CorpSAML");
        String acs = client.base() + "/saml2/idpresponse";
        String signedIn = post(started, idp.response(Map.of("login", "Mixed.Case@Corp.Example", "inResponseTo",
                started.requestId(), "audience", "urn:amazon:cognito:sp:" + other, "recipient", acs, "destination",
                acs)));
        assertNotNull(HostedUi.parameter(signedIn, "code"), signedIn);
        Map<String, String> attributes = new LinkedHashMap<>();
        ADMIN.adminGetUser(b -> b.userPoolId(other).username("CorpSAML_Mixed.Case@Corp.Example")).userAttributes()
                .forEach(a -> attributes.put(a.name(), a.value()));
        assertEquals("mixed.case@corp.example", attributes.get("email"), attributes.toString());
        assertEquals("Corp Mixed.Case@Corp.Example (staff)", attributes.get("name"), attributes.toString());
        JsonNode event = LambdaShims.events("inbound-federation", other).get(0);
        assertEquals("InboundFederation_ExternalProvider", event.path("triggerSource").asText());
        assertEquals("SAML", event.path("request").path("providerType").asText());
        assertEquals("staff,eng", event.path("request").path("attributes").path("samlResponse").path("groups")
                .asText(), event.toString());
    }

    @Test
    void adminActionsDescribeTheSpAndRefuseBadMetadata() throws Exception {
        AwsCli.Run certificate = AwsCli.admin("cognito-idp", "get-signing-certificate", "--user-pool-id", poolId);
        assertEquals(0, certificate.exit(), certificate.stderr());
        String signing = certificate.json().path("Certificate").asText();
        String spMetadata = new HostedUi.Session().get(base() + "/saml2/metadata").body();
        assertTrue(spMetadata.contains(signing), "the metadata's signing certificate is GetSigningCertificate's");
        var encrypted = ADMIN.describeIdentityProvider(b -> b.userPoolId(poolId).providerName("CorpSAMLEnc"))
                .identityProvider().providerDetails();
        assertTrue(spMetadata.contains(encrypted.get("ActiveEncryptionCertificate")), encrypted.toString());
        assertEquals("CorpSAML", ADMIN.getIdentityProviderByIdentifier(b -> b.userPoolId(poolId)
                .idpIdentifier("corp.example")).identityProvider().providerName());

        expect(() -> ADMIN.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Broken")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataFile", "<not-xml"))),
                "not well-formed");
        expect(() -> ADMIN.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Broken")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataFile", idp.metadata(),
                        "MetadataURL", idp.metadataUrl()))),
                "either MetadataFile or MetadataURL");
        expect(() -> ADMIN.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Broken")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataURL", idp.base()
                        + "/missing"))),
                "HTTP 404");
        expect(() -> ADMIN.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Broken")
                .providerType(IdentityProviderTypeType.SAML).providerDetails(Map.of("MetadataFile", idp.metadata()
                        .replaceAll("<(\\w+:)?KeyDescriptor[\\s\\S]*</(\\w+:)?KeyDescriptor>", "")))),
                "no signing certificate");
    }

    /** A sign-in started at the authorize endpoint by a browser stand-in: the request and state sent to the IdP. */
    private record Started(HostedUi.Session session, String relayState, String requestId, HostedUi.App client) {
    }

    private static Started start(HostedUi.App client, String provider) throws Exception {
        HostedUi.Session session = new HostedUi.Session();
        String toIdp = HostedUi.location(session.get(client.authorizeUrl(Map.of("identity_provider", provider,
                "scope", "openid"))));
        assertTrue(toIdp.startsWith(idp.base() + "/sso?"), toIdp);
        String request = inflate(HostedUi.parameter(toIdp, "SAMLRequest"));
        Matcher id = Pattern.compile("ID=\"([^\"]+)\"").matcher(request);
        assertTrue(id.find(), request);
        return new Started(session, HostedUi.parameter(toIdp, "RelayState"), id.group(1), client);
    }

    /** Posts a Response to the ACS from the browser that started the sign-in; answers where it is sent. */
    private static String post(Started started, String samlResponse) {
        var answer = started.session().post(started.client().base() + "/saml2/idpresponse", Map.of("SAMLResponse",
                samlResponse, "RelayState", started.relayState()));
        assertEquals(302, answer.statusCode(), answer.body());
        return HostedUi.location(answer);
    }

    private static void assertRefused(String location, String because) {
        assertRefused(location, because, "invalid_request");
    }

    private static void assertRefused(String location, String because, String error) {
        assertEquals(error, HostedUi.parameter(location, "error"), location);
        assertTrue(HostedUi.parameter(location, "error_description").contains(because), location);
        assertEquals(null, HostedUi.parameter(location, "code"), location);
    }

    private static HostedUi.App app(String provider) {
        return HostedUi.app(poolId, domain, "http://127.0.0.1:9/callback", b -> b.supportedIdentityProviders(
                provider));
    }

    private static String base() {
        return Stack.get().issuerBaseUrl() + "/domain/" + domain;
    }

    private static JsonNode last(JsonNode log, String type) {
        JsonNode found = null;
        for (JsonNode entry : log) {
            if (type.equals(entry.path("type").asText())) {
                found = entry;
            }
        }
        assertNotNull(found, "the IdP received no " + type + ": " + log);
        return found;
    }

    private static void expect(org.junit.jupiter.api.function.Executable call, String message) {
        AwsServiceException error = org.junit.jupiter.api.Assertions.assertThrows(AwsServiceException.class, call);
        assertEquals("InvalidParameterException", error.awsErrorDetails().errorCode(), error::getMessage);
        assertTrue(error.awsErrorDetails().errorMessage().contains(message), error::getMessage);
    }

    private static String inflate(String base64) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String decode(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String encode64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
