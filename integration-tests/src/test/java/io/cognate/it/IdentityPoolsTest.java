package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.NodeScripts;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRule;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RulesConfigurationType;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Identity pools end to end: apps get credentials for a signed-in user and for a guest through the unmodified JS SDK
 * v3 ({@code fromCognitoIdentityPool}) and the Java SDK, sign requests with them, and the authorize API accepts or
 * refuses them by the role's policy; the basic flow through STS; Cognito's refusals word for word.
 */
class IdentityPoolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHOTOS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*"}]}
            """;
    private static final String PUBLIC_READ = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::public/*"}]}
            """;

    private static TestPool userPool;
    private static TestUser user;
    private static String idToken;

    @BeforeAll
    static void signedInUser() {
        NodeScripts.install();
        userPool = TestPools.pool();
        user = TestUsers.confirmed(userPool);
        idToken = SignIn.password(userPool, user).idToken();
    }

    @Test
    void guestWhenPoolAllowsGuestsThenJsSdkGetsCredentialsThatStsAndAuthorizeAccept() throws Exception {
        String pool = IdentityPools.pool(userPool, true);
        String guestRole = IdentityPools.role(pool, "unauthenticated", PUBLIC_READ);
        IdentityPools.roles(pool, null, guestRole);

        JsonNode vended = fromCognitoIdentityPool(pool, null);

        String roleName = guestRole.substring(guestRole.lastIndexOf('/') + 1);
        assertEquals("arn:aws:sts::" + vended.path("account").asText() + ":assumed-role/" + roleName
                + "/CognitoIdentityCredentials", vended.path("arn").asText(), vended.toString());
        assertTrue(vended.path("userId").asText().endsWith(":CognitoIdentityCredentials"));
        assertTrue(vended.path("accessKeyId").asText().startsWith("ASIA"));
        JsonNode allowed = authorize(vended, "s3:GetObject", "arn:aws:s3:::public/readme.txt");
        assertEquals("Allow", allowed.path("decision").asText(), allowed.toString());
        assertEquals("unauthenticated", allowed.path("identity").path("cognitoAuthenticationType").asText());
        assertEquals(pool, allowed.path("identity").path("cognitoIdentityPoolId").asText());
        assertEquals("Deny", authorize(vended, "s3:PutObject", "arn:aws:s3:::public/readme.txt")
                .path("decision").asText());
    }

    @Test
    void signedInUserWhenAuthorizedThenOwnPrefixAllowedAndAnothersDenied() throws Exception {
        String pool = IdentityPools.pool(userPool, false);
        IdentityPools.roles(pool, IdentityPools.role(pool, "authenticated", PHOTOS), null);

        JsonNode vended = fromCognitoIdentityPool(pool, IdentityPools.logins(userPool, idToken));

        String identityId = vended.path("identityId").asText();
        JsonNode own = authorize(vended, "s3:GetObject", "arn:aws:s3:::photos/" + identityId + "/cat.jpg");
        assertEquals("Allow", own.path("decision").asText(), own.toString());
        assertEquals(identityId, own.path("identity").path("cognitoIdentityId").asText());
        assertEquals("authenticated", own.path("identity").path("cognitoAuthenticationType").asText());
        String provider = IdentityPools.providerKey(userPool.id());
        assertEquals(provider + "," + provider + ":CognitoSignIn:" + user.sub(),
                own.path("identity").path("cognitoAuthenticationProvider").asText());
        JsonNode others = authorize(vended, "s3:GetObject", "arn:aws:s3:::photos/us-east-1:someone-else/cat.jpg");
        assertEquals("Deny", others.path("decision").asText());
    }

    @Test
    void sessionTokenWhenTamperedThenRefusedByStsAndAuthorize() throws Exception {
        String pool = IdentityPools.pool(userPool, true);
        IdentityPools.roles(pool, null, IdentityPools.role(pool, "unauthenticated", PUBLIC_READ));
        Credentials credentials = guestCredentials(pool);
        String token = credentials.sessionToken();
        String tampered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);

        var sts = IdentityPools.sts(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretKey(), tampered)));
        AwsServiceException refused = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
        ObjectNode forged = JSON.createObjectNode().put("accessKeyId", credentials.accessKeyId())
                .put("secretAccessKey", credentials.secretKey()).put("sessionToken", tampered);
        JsonNode answer = authorize(forged, "s3:GetObject", "arn:aws:s3:::public/readme.txt");
        assertEquals("UnrecognizedClientException", answer.path("__type").asText(), answer.toString());
        // And the secret alone proves nothing: another key id with the real token does not open.
        ObjectNode swapped = forged.deepCopy().put("sessionToken", token).put("accessKeyId", "ASIAAAAAAAAAAAAAAAAA");
        assertEquals("UnrecognizedClientException", authorize(swapped, "s3:GetObject",
                "arn:aws:s3:::public/readme.txt").path("__type").asText());
    }

    @Test
    void serverSideTokenCheckWhenUserSignedOutGloballyThenLoginRefused() {
        TestUser signedOut = TestUsers.confirmed(userPool);
        var tokens = SignIn.password(userPool, signedOut);
        String provider = IdentityPools.providerKey(userPool.id());
        String pool = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("checked")
                .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.providerName(provider)
                        .clientId(userPool.clientId()).serverSideTokenCheck(true)))
                .identityPoolId();
        IdentityPools.roles(pool, IdentityPools.role(pool, "authenticated", null), null);
        Map<String, String> logins = Map.of(provider, tokens.idToken());
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        Cognito.anonymous().globalSignOut(r -> r.accessToken(tokens.accessToken()));

        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                .getCredentialsForIdentity(r -> r.identityId(identity).logins(logins)));
        assertEquals("NotAuthorizedException", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().startsWith("Invalid login token. "), refused::getMessage);
    }

    @Test
    void unlinkIdentityWhenProvenByItsLoginThenTheLoginIsGone() {
        String pool = IdentityPools.pool(userPool, false);
        Map<String, String> logins = IdentityPools.logins(userPool, idToken);
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        IdentityPools.anonymous().unlinkIdentity(r -> r.identityId(identity).logins(logins)
                .loginsToRemove(IdentityPools.providerKey(userPool.id())));

        assertEquals(List.of(), IdentityPools.admin().describeIdentity(r -> r.identityId(identity)).logins());
    }

    @Test
    void boto3WhenWebIdentityTokenFileThenDefaultChainAssumesTheRole() throws Exception {
        String pool = IdentityPools.pool(userPool, false);
        String role = IdentityPools.role(pool, "authenticated", null);
        Map<String, String> logins = IdentityPools.logins(userPool, idToken);
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        String token = IdentityPools.anonymous().getOpenIdToken(r -> r.identityId(identity).logins(logins)).token();
        JsonNode caller = boto3CallerIdentity(token, role, "boto3-app");

        assertTrue(caller.path("Arn").asText().endsWith(":assumed-role/" + role.substring(role.lastIndexOf('/') + 1)
                + "/boto3-app"), caller.toString());
    }

    @Test
    void stsWhenTokenOfAnIamOidcProviderThenRoleTrustingThatProviderAssumedLikeServiceAccountTokens() throws Exception {
        TestPool issuerPool = TestPools.pool();
        String issuer = issuerPool.issuer();
        String key = issuer.replaceFirst("^https?://", "");
        String providerArn = IdentityPools.iam().createOpenIDConnectProvider(r -> r.url(issuer)
                .clientIDList(issuerPool.clientId()).thumbprintList("0".repeat(40))).openIDConnectProviderArn();
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "%s"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"%s:aud": "%s"}}}]}""".formatted(providerArn, key,
                issuerPool.clientId());
        String role = IdentityPools.iam().createRole(r -> r.roleName(io.cognate.it.support.Names.unique("ci"))
                .assumeRolePolicyDocument(trust)).role().arn();
        String token = SignIn.password(issuerPool, TestUsers.confirmed(issuerPool)).idToken();

        JsonNode caller = boto3CallerIdentity(token, role, "ci-job");

        assertTrue(caller.path("Arn").asText().endsWith("/ci-job"), caller.toString());
        TestPool unregistered = TestPools.pool();
        String foreign = SignIn.password(unregistered, TestUsers.confirmed(unregistered)).idToken();
        AwsServiceException unknown = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymousSts()
                .assumeRoleWithWebIdentity(r -> r.roleArn(role).roleSessionName("probe").webIdentityToken(foreign)));
        assertEquals("InvalidIdentityToken", unknown.awsErrorDetails().errorCode());
        assertEquals("No OpenIDConnect provider found in your account for " + unregistered.issuer(),
                unknown.awsErrorDetails().errorMessage());
    }

    /** boto3's default credential chain with a web identity token file, then a GetCallerIdentity with what it got. */
    private static JsonNode boto3CallerIdentity(String token, String role, String sessionName) throws Exception {
        Path tokenFile = Files.createTempFile("web-identity", ".jwt");
        // boto3 reads the file as it is, the newline an editor leaves included.
        Files.writeString(tokenFile, token + "\n");
        ProcessBuilder python = new ProcessBuilder("python3", "-c",
                "import boto3, json; print(json.dumps(boto3.client('sts').get_caller_identity()))");
        python.environment().putAll(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(), "AWS_ROLE_ARN", role,
                "AWS_ROLE_SESSION_NAME", sessionName, "AWS_ENDPOINT_URL_STS", IdentityPools.endpoint().toString(),
                "AWS_DEFAULT_REGION", Stack.get().region()));
        python.environment().remove("AWS_ACCESS_KEY_ID");
        python.environment().remove("AWS_SECRET_ACCESS_KEY");
        python.environment().remove("AWS_PROFILE");
        python.redirectErrorStream(true);
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), output);
        Files.delete(tokenFile);
        return JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    @Test
    void roleMappingWhenTokenThenPreferredRoleOrACustomRoleArnAmongCognitoRoles() {
        TestPool groups = TestPools.pool();
        TestUser member = TestUsers.confirmed(groups);
        String pool = IdentityPools.pool(groups, false);
        String fallback = IdentityPools.role(pool, "authenticated", null);
        String editors = IdentityPools.role(pool, "authenticated", null);
        String viewers = IdentityPools.role(pool, "authenticated", null);
        Cognito.admin().createGroup(r -> r.userPoolId(groups.id()).groupName("editors").precedence(1).roleArn(editors));
        Cognito.admin().createGroup(r -> r.userPoolId(groups.id()).groupName("viewers").precedence(2).roleArn(viewers));
        for (String group : List.of("editors", "viewers")) {
            Cognito.admin().adminAddUserToGroup(r -> r.userPoolId(groups.id()).username(member.username())
                    .groupName(group));
        }
        String key = IdentityPools.providerKey(groups.id());
        IdentityPools.roles(pool, fallback, null);
        var current = IdentityPools.admin().getIdentityPoolRoles(r -> r.identityPoolId(pool));
        IdentityPools.admin().setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(current.roles())
                .roleMappings(Map.of(key + ":" + groups.clientId(), RoleMapping.builder().type("Token")
                        .ambiguousRoleResolution("AuthenticatedRole").build())));
        Map<String, String> logins = Map.of(key, SignIn.password(groups, member).idToken());
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        Credentials preferred = IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)
                .logins(logins)).credentials();
        Credentials custom = IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)
                .logins(logins).customRoleArn(viewers)).credentials();

        assertTrue(callerArn(preferred).contains("/" + editors.substring(editors.lastIndexOf('/') + 1) + "/"));
        assertTrue(callerArn(custom).contains("/" + viewers.substring(viewers.lastIndexOf('/') + 1) + "/"));
        AwsServiceException notGranted = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                .getCredentialsForIdentity(r -> r.identityId(identity).logins(logins).customRoleArn(fallback)));
        assertEquals("NotAuthorizedException", notGranted.awsErrorDetails().errorCode());
    }

    @Test
    void loginsOfTwoIdentitiesWhenPresentedTogetherThenMergedIntoOneAndTheOtherDisabled() {
        TestPool second = TestPools.pool();
        String pool = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("merge")
                .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(
                        p -> p.providerName(IdentityPools.providerKey(userPool.id())).clientId(userPool.clientId()),
                        p -> p.providerName(IdentityPools.providerKey(second.id())).clientId(second.clientId())))
                .identityPoolId();
        Map<String, String> first = IdentityPools.logins(userPool, idToken);
        Map<String, String> other = IdentityPools.logins(second, SignIn.password(second, TestUsers.confirmed(second))
                .idToken());
        String one = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(first)).identityId();
        String two = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(other)).identityId();
        Map<String, String> both = new java.util.HashMap<>(first);
        both.putAll(other);

        String merged = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(both)).identityId();

        assertTrue(merged.equals(one) || merged.equals(two), merged);
        assertEquals(2, IdentityPools.admin().describeIdentity(r -> r.identityId(merged)).logins().size());
        var visible = IdentityPools.admin().listIdentities(r -> r.identityPoolId(pool).maxResults(10)
                .hideDisabled(true)).identities();
        assertEquals(List.of(merged), visible.stream().map(i -> i.identityId()).toList());
    }

    @Test
    void guestWhenPoolRefusesGuestsThenNotAuthorized() {
        String pool = IdentityPools.pool(userPool, false);
        expect("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(pool)));
    }

    @Test
    void sameLoginWhenSignedInAgainThenSameIdentityWithItsLogin() {
        String pool = IdentityPools.pool(userPool, false);
        Map<String, String> logins = IdentityPools.logins(userPool, idToken);
        String first = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        String again = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        assertEquals(first, again);
        var described = IdentityPools.admin().describeIdentity(r -> r.identityId(first));
        assertEquals(List.of(IdentityPools.providerKey(userPool.id())), described.logins());
        assertTrue(IdentityPools.admin().listIdentities(r -> r.identityPoolId(pool).maxResults(10)).identities()
                .stream().anyMatch(i -> i.identityId().equals(first)));
    }

    @Test
    void credentialsWhenLoginsOfAnotherUserThenLoginsDontMatch() {
        String pool = IdentityPools.pool(userPool, false);
        IdentityPools.roles(pool, IdentityPools.role(pool, "authenticated", PHOTOS), null);
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool)
                .logins(IdentityPools.logins(userPool, idToken))).identityId();
        TestUser other = TestUsers.confirmed(userPool);
        String otherToken = SignIn.password(userPool, other).idToken();

        expect("NotAuthorizedException", "Logins don't match. Please include at least one valid login for this "
                + "identity or identity pool.",
                () -> IdentityPools.anonymous().getCredentialsForIdentity(r -> r
                        .identityId(identity).logins(IdentityPools.logins(userPool, otherToken))));
        expect("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.",
                () -> IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)));
    }

    @Test
    void loginTokenWhenForeignTamperedOrForAnotherClientThenCognitosRefusals() {
        String pool = IdentityPools.pool(userPool, false);
        TestPool otherPool = TestPools.pool();
        String foreign = SignIn.password(otherPool, TestUsers.confirmed(otherPool)).idToken();
        String provider = IdentityPools.providerKey(userPool.id());

        expect("NotAuthorizedException", "Invalid login token. Issuer doesn't match providerName",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(Map.of(provider, foreign))));
        expect("NotAuthorizedException", "Invalid login token. Token is not from a supported provider of this "
                + "identity pool.",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(pool)
                        .logins(IdentityPools.logins(otherPool, foreign))));
        String[] parts = idToken.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        expect("NotAuthorizedException", "Invalid login token. Couldn't verify signed token.",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(Map.of(provider, forged))));
        String accessToken = SignIn.password(userPool, user).accessToken();
        expect("NotAuthorizedException", "Invalid login token. Not a valid OpenId Connect identity token.",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(Map.of(provider,
                        accessToken))));
        String otherClient = IdentityPools.admin().createIdentityPool(r -> r.identityPoolName("other-client")
                .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.providerName(provider)
                        .clientId("someotherclientid")))
                .identityPoolId();
        expect("NotAuthorizedException", "Invalid login token. Incorrect token audience.",
                () -> IdentityPools.anonymous().getId(r -> r.identityPoolId(otherClient).logins(Map.of(provider,
                        idToken))));
    }

    @Test
    void roleMappingWhenRulesThenFirstMatchWinsAndAmbiguousDenyRefuses() {
        String pool = IdentityPools.pool(userPool, false);
        String fallback = IdentityPools.role(pool, "authenticated", null);
        String byEmail = IdentityPools.role(pool, "authenticated", null);
        String key = IdentityPools.providerKey(userPool.id()) + ":" + userPool.clientId();
        IdentityPools.roles(pool, fallback, null);
        rules(pool, key, "Deny", MappingRule.builder().claim("email").matchType("Equals").value("nobody@example.test")
                .roleARN(fallback).build(),
                MappingRule.builder().claim("email").matchType("Contains").value("@")
                        .roleARN(byEmail).build());
        Map<String, String> logins = IdentityPools.logins(userPool, idToken);
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        Credentials credentials = IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)
                .logins(logins)).credentials();
        assertTrue(callerArn(credentials).contains("/" + byEmail.substring(byEmail.lastIndexOf('/') + 1) + "/"));

        rules(pool, key, "Deny", MappingRule.builder().claim("email").matchType("StartsWith").value("zzz")
                .roleARN(byEmail).build());
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                .getCredentialsForIdentity(r -> r.identityId(identity).logins(logins)));
        assertEquals("NotAuthorizedException", denied.awsErrorDetails().errorCode());

        rules(pool, key, "AuthenticatedRole", MappingRule.builder().claim("email").matchType("StartsWith")
                .value("zzz").roleARN(byEmail).build());
        Credentials defaulted = IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)
                .logins(logins)).credentials();
        assertTrue(callerArn(defaulted).contains("/" + fallback.substring(fallback.lastIndexOf('/') + 1) + "/"));
    }

    @Test
    void roleWhoseTrustPolicyRefusesTheIdentityThenInvalidIdentityPoolConfiguration() {
        String pool = IdentityPools.pool(userPool, true);
        // Trusts authenticated identities only; a guest asks.
        IdentityPools.roles(pool, null, IdentityPools.role(pool, "authenticated", PUBLIC_READ));
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool)).identityId();

        expect("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM "
                + "roles for this pool.",
                () -> IdentityPools.anonymous().getCredentialsForIdentity(r -> r
                        .identityId(identity)));
    }

    @Test
    void basicFlowWhenOpenIdTokenThenRs512ByJwksAndStsAssumesTheTrustedRoleOnly() throws Exception {
        String pool = IdentityPools.pool(userPool, false);
        String role = IdentityPools.role(pool, "authenticated", PHOTOS);
        Map<String, String> logins = IdentityPools.logins(userPool, idToken);
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();

        String token = IdentityPools.anonymous().getOpenIdToken(r -> r.identityId(identity).logins(logins)).token();

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS512, jwt.getHeader().getAlgorithm());
        JWKSet keys = JWKSet.load(URI.create(IdentityPools.endpoint() + "/.well-known/jwks_uri").toURL());
        assertTrue(jwt.verify(new RSASSAVerifier((RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID()))));
        assertEquals(identity, jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of(pool), jwt.getJWTClaimsSet().getAudience());
        assertEquals(List.of("authenticated", IdentityPools.providerKey(userPool.id()), IdentityPools.providerKey(
                userPool.id()) + ":CognitoSignIn:" + user.sub()), jwt.getJWTClaimsSet().getStringListClaim("amr"));

        // boto3 reads a web identity token file as it is, newline included.
        AssumeRoleWithWebIdentityResponse assumed = IdentityPools.anonymousSts().assumeRoleWithWebIdentity(r -> r
                .roleArn(role).roleSessionName("app").webIdentityToken(token + "\n"));
        assertEquals(identity, assumed.subjectFromWebIdentityToken());
        assertEquals(pool, assumed.audience());
        assertTrue(assumed.assumedRoleUser().arn().endsWith(":assumed-role/" + role.substring(role.lastIndexOf('/')
                + 1) + "/app"));
        String guestRole = IdentityPools.role(pool, "unauthenticated", null);
        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymousSts()
                .assumeRoleWithWebIdentity(r -> r.roleArn(guestRole).roleSessionName("app").webIdentityToken(token)));
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        assertEquals("Not authorized to perform sts:AssumeRoleWithWebIdentity", refused.awsErrorDetails()
                .errorMessage());
    }

    @Test
    void adminActionsWhenUnsignedOrWithTemporaryCredentialsThenRefused() {
        AwsServiceException unsigned = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymous()
                .listIdentityPools(r -> r.maxResults(5)));
        assertEquals("MissingAuthenticationTokenException", unsigned.awsErrorDetails().errorCode());
        String pool = IdentityPools.pool(userPool, true);
        assertEquals(pool, IdentityPools.admin().describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolId());
        AwsServiceException missing = assertThrows(AwsServiceException.class, () -> IdentityPools.admin()
                .describeIdentityPool(r -> r.identityPoolId("us-east-1:00000000-0000-0000-0000-000000000000")));
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals("IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.",
                missing.awsErrorDetails().errorMessage());
        AwsServiceException dropped = assertThrows(AwsServiceException.class, () -> IdentityPools.admin()
                .createIdentityPool(r -> r.identityPoolName("social").allowUnauthenticatedIdentities(false)
                        .supportedLoginProviders(Map.of("login.unknown.example", "app-id"))));
        assertEquals("InvalidParameterException", dropped.awsErrorDetails().errorCode());
    }

    /**
     * STS and IAM speak the query protocol, whose errors are AWS's common ones: ValidationError for a constraint,
     * InvalidAction for an operation the version lacks, MissingAction, MalformedQueryString for a form that does not
     * decode; IAM's InvalidInput for the managed policies this deployment refuses.
     */
    @Test
    void queryApisWhenRefusedThenTheQueryProtocolsErrorCodes() throws Exception {
        expect("ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy "
                + "constraint: Member must have length between 2 and 64 and satisfy regular expression pattern: "
                + "[\\w+=,.@-]*",
                () -> IdentityPools.anonymousSts().assumeRoleWithWebIdentity(r -> r
                        .roleArn("arn:aws:iam::000000000000:role/none").roleSessionName("x").webIdentityToken("token")));
        AwsServiceException notHere = assertThrows(AwsServiceException.class, () -> IdentityPools.anonymousSts()
                .getSessionToken());
        assertEquals("InvalidAction", notHere.awsErrorDetails().errorCode());
        assertEquals(400, notHere.statusCode());
        expect("InvalidInput", "Managed policies are not supported by this deployment; give roles inline policies "
                + "(PutRolePolicy).",
                () -> IdentityPools.iam().createPolicy(r -> r.policyName("p")
                        .policyDocument("{}")));

        HttpResponse<String> malformed = postForm("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=%zz");
        assertEquals(404, malformed.statusCode());
        assertTrue(malformed.body().contains("<Code>MalformedQueryString</Code>"), malformed.body());
        HttpResponse<String> noAction = postForm("Version=2011-06-15&RoleArn=x");
        assertEquals(400, noAction.statusCode());
        assertTrue(noAction.body().contains("<Code>MissingAction</Code>"), noAction.body());
    }

    private static HttpResponse<String> postForm(String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(IdentityPools.endpoint() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** fromCognitoIdentityPool and a GetCallerIdentity signed with what it vended, in Node. */
    private static JsonNode fromCognitoIdentityPool(String pool, Map<String, String> logins) {
        ObjectNode input = JSON.createObjectNode().put("identityPoolId", pool).put("region", Stack.get().region());
        if (logins != null) {
            input.set("logins", JSON.valueToTree(logins));
        }
        String endpoint = IdentityPools.endpoint().toString();
        JsonNode result = NodeScripts.run("identity-pool.mjs", List.of(), Map.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY",
                endpoint, "AWS_ENDPOINT_URL_STS", endpoint, "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""),
                input.toString());
        assertTrue(result.path("error").isMissingNode(), result.toString());
        return result;
    }

    private static Credentials guestCredentials(String pool) {
        String identity = IdentityPools.anonymous().getId(r -> r.identityPoolId(pool)).identityId();
        return IdentityPools.anonymous().getCredentialsForIdentity(r -> r.identityId(identity)).credentials();
    }

    private static String callerArn(Credentials credentials) {
        try (var sts = IdentityPools.sts(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken())))) {
            GetCallerIdentityResponse caller = sts.getCallerIdentity();
            return caller.arn();
        }
    }

    private static void rules(String pool, String key, String ambiguous, MappingRule... rules) {
        var current = IdentityPools.admin().getIdentityPoolRoles(r -> r.identityPoolId(pool));
        IdentityPools.admin().setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(current.roles())
                .roleMappings(Map.of(key, RoleMapping.builder().type("Rules").ambiguousRoleResolution(ambiguous)
                        .rulesConfiguration(RulesConfigurationType.builder().rules(rules).build()).build())));
    }

    /**
     * Asks the authorize API about a request to a resource server, signed (SigV4, as the SDKs sign) with the
     * credentials {@code vended} holds.
     */
    private static JsonNode authorize(JsonNode vended, String action, String resource) throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://photos.example.test/items?id=1")).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsSessionCredentialsIdentity.create(
                vended.path("accessKeyId").asText(), vended.path("secretAccessKey").asText(),
                vended.path("sessionToken").asText())).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Stack.get().region()));
        ObjectNode body = JSON.createObjectNode().put("action", action).put("resource", resource);
        ObjectNode described = body.putObject("request").put("method", "GET")
                .put("url", "https://photos.example.test/items?id=1");
        ObjectNode headers = described.putObject("headers");
        signed.request().headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                IdentityPools.endpoint() + "/authorize")).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void expect(String type, String message, Executable call) {
        AwsServiceException error = assertThrows(AwsServiceException.class, call);
        assertEquals(type, error.awsErrorDetails().errorCode(), error::getMessage);
        assertEquals(message, error.awsErrorDetails().errorMessage());
        assertNotEquals(500, error.statusCode());
    }
}
