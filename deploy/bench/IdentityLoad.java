import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The identity-pool half of the benchmark's setup (LoadGen runs it): an IAM role with an inline policy, an identity
 * pool whose logins are the bench pool's client's ID tokens, its authenticated role set; appends IDENTITY_POOL_ID and
 * IDENTITY_ENDPOINT to the state file. {@link #bodies} then writes, just before the identity scenarios, the two fixed
 * request bodies wrk sends: GetCredentialsForIdentity for one signed-in user's identity (the enhanced flow, cached
 * identity), and an authorize request carrying a request signed with the credentials it vended (a signature is good
 * for 15 minutes, so they are made fresh).
 */
final class IdentityLoad {
    private static final String IDENTITY_TARGET = "AWSCognitoIdentityService.";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IdentityLoad() {
    }

    static void setup(LoadGen.Api api, String poolId, String clientId, String identityBase, Path stateFile)
            throws Exception {
        URI endpoint = URI.create(identityBase + "/");
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + poolId;
        String pool = api.signed(endpoint, "cognito-identity", IDENTITY_TARGET + "CreateIdentityPool",
                LoadGen.CONTENT_TYPE, "{\"IdentityPoolName\":\"bench\",\"AllowUnauthenticatedIdentities\":false,"
                        + "\"CognitoIdentityProviders\":[{\"ProviderName\":\"" + provider + "\",\"ClientId\":\""
                        + clientId + "\"}]}", "CreateIdentityPool");
        String identityPoolId = LoadGen.field(pool, "IdentityPoolId");
        String role = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"cognito-identity.amazonaws.com\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{"
                + "\"StringEquals\":{\"cognito-identity.amazonaws.com:aud\":\"" + identityPoolId + "\"},"
                + "\"ForAnyValue:StringLike\":{\"cognito-identity.amazonaws.com:amr\":\"authenticated\"}}}]}";
        String created = api.signed(endpoint, "iam", null, FORM, "Action=CreateRole&Version=2010-05-08&RoleName=" + role
                + "&AssumeRolePolicyDocument=" + encode(trust), "CreateRole");
        String arn = created.replaceAll("(?s).*<Arn>([^<]+)</Arn>.*", "$1");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*\"}]}";
        api.signed(endpoint, "iam", null, FORM, "Action=PutRolePolicy&Version=2010-05-08&RoleName=" + role
                + "&PolicyName=photos&PolicyDocument=" + encode(policy), "PutRolePolicy");
        api.signed(endpoint, "cognito-identity", IDENTITY_TARGET + "SetIdentityPoolRoles", LoadGen.CONTENT_TYPE,
                "{\"IdentityPoolId\":\"" + identityPoolId + "\",\"Roles\":{\"authenticated\":\"" + arn + "\"}}",
                "SetIdentityPoolRoles");
        Files.writeString(stateFile, "IDENTITY_POOL_ID=" + identityPoolId + "\nIDENTITY_ENDPOINT=" + identityBase
                + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.out.printf("identity pool %s, role %s%n", identityPoolId, arn);
    }

    /** Writes credentials.json (GetCredentialsForIdentity) and authorize.json into {@code outDir}. */
    static void bodies(Map<String, String> state, Path outDir) throws Exception {
        LoadGen.Api api = new LoadGen.Api(state.get("ENDPOINT"));
        URI endpoint = URI.create(state.get("IDENTITY_ENDPOINT") + "/");
        String idToken = LoadGen.field(api.call("InitiateAuth", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\""
                + state.get("CLIENT_ID") + "\",\"AuthParameters\":{\"USERNAME\":\"" + LoadGen.username(1)
                + "\",\"PASSWORD\":\"" + state.get("PASSWORD") + "\"}}"), "IdToken");
        String logins = "{\"cognito-idp.us-east-1.amazonaws.com/" + state.get("POOL_ID") + "\":\"" + idToken + "\"}";
        String identityId = LoadGen.field(api.post(endpoint, IDENTITY_TARGET + "GetId", LoadGen.CONTENT_TYPE,
                "{\"IdentityPoolId\":\"" + state.get("IDENTITY_POOL_ID") + "\",\"Logins\":" + logins + "}", "GetId"),
                "IdentityId");
        String credentialsBody = "{\"IdentityId\":\"" + identityId + "\",\"Logins\":" + logins + "}";
        String vended = api.post(endpoint, IDENTITY_TARGET + "GetCredentialsForIdentity", LoadGen.CONTENT_TYPE,
                credentialsBody, "GetCredentialsForIdentity");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("credentials.json"), credentialsBody);
        Files.writeString(outDir.resolve("authorize.json"), authorizeBody(LoadGen.field(vended, "AccessKeyId"),
                LoadGen.field(vended, "SecretKey"), LoadGen.field(vended, "SessionToken"), identityId));
        System.out.printf("identity %s: request bodies written to %s%n", identityId, outDir);
    }

    /** An authorize request for a GET to a resource server, signed (SigV4, execute-api) with the credentials. */
    private static String authorizeBody(String accessKey, String secret, String sessionToken, String identityId) {
        String host = "photos.example.test";
        String amzDate = AMZ_DATE.format(Instant.now());
        String date = amzDate.substring(0, 8);
        String signedHeaders = "host;x-amz-date;x-amz-security-token";
        String canonical = "GET\n/items\nid=1\nhost:" + host + "\nx-amz-date:" + amzDate + "\nx-amz-security-token:"
                + sessionToken + "\n\n" + signedHeaders + "\n" + LoadGen.Api.hex(LoadGen.Api.sha256(new byte[0]));
        String scope = date + "/us-east-1/execute-api/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + LoadGen.Api.hex(LoadGen.Api.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = LoadGen.Api.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = LoadGen.Api.hmac(LoadGen.Api.hmac(LoadGen.Api.hmac(key, "us-east-1"), "execute-api"), "aws4_request");
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + LoadGen.Api.hex(LoadGen.Api.hmac(key, toSign));
        return "{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::photos/" + identityId + "/cat.jpg\","
                + "\"request\":{\"method\":\"GET\",\"path\":\"/items\",\"query\":\"id=1\",\"headers\":{\"host\":\""
                + host + "\",\"x-amz-date\":\"" + amzDate + "\",\"x-amz-security-token\":\"" + sessionToken
                + "\",\"authorization\":\"" + authorization + "\"}}}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
