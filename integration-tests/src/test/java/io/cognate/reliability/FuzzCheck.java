package io.cognate.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Stack;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.IamRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.StsRequest;

/**
 * Fuzzing: requests generated from the API models of Cognito's user pools and identity pools, and of STS and the
 * IAM actions identity-pool-service implements ({@link ApiModel}, {@link Fuzzer}), every operation in turn, 20,000 in the quick
 * battery and 100,000 in the full one, each reproducible
 * from {@code -Dreliability.seed} (default 1) and its index. Target: no 5xx, every error one of the service's own
 * error types (or its protocol's: for JSON unknown operation, serialization, signature; for the query protocol
 * AWS's common errors), the services still ready at the
 * end, and no stack trace in any service's log.
 */
class FuzzCheck {
    /** The AWS JSON protocol's own errors, which every service of it answers. */
    private static final Set<String> PROTOCOL_ERRORS = Set.of("UnknownOperationException", "SerializationException",
            "InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
            "UnrecognizedClientException", "AccessDeniedException", "ValidationException");
    /** The query protocol's common errors (STS, IAM), which every action of those APIs may answer. */
    private static final Set<String> QUERY_ERRORS = Set.of("IncompleteSignature", "InvalidAction",
            "InvalidClientTokenId", "InvalidParameterCombination", "InvalidParameterValue", "InvalidQueryParameter",
            "MalformedQueryString", "MissingAction", "MissingAuthenticationToken", "MissingParameter",
            "RequestExpired", "Throttling", "ValidationError", "SignatureDoesNotMatch", "AccessDenied",
            "NotAuthorized", "OptInRequired");
    /** The IAM actions identity-pool-service implements (roles, inline policies, OIDC and SAML providers). */
    private static final Set<String> IAM_ACTIONS = Set.of("CreateRole", "GetRole", "DeleteRole",
            "UpdateAssumeRolePolicy", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies",
            "ListRoles", "CreateOpenIDConnectProvider", "GetOpenIDConnectProvider", "ListOpenIDConnectProviders",
            "DeleteOpenIDConnectProvider", "CreateSAMLProvider", "UpdateSAMLProvider", "GetSAMLProvider",
            "ListSAMLProviders", "DeleteSAMLProvider", "AttachRolePolicy", "CreatePolicy");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([A-Za-z.]+)</Code>");

    private static final String COUNTED = "cognate_api_requests_seconds_count";
    private static final String HTTP_COUNTED = "http_server_requests_seconds_count";

    private record Target(ApiModel model, URI endpoint, ApiModel.Operation operation) {
    }

    @Test
    void fuzzedRequestsGetCognitoErrorsAndNo5xx() throws Exception {
        long seed = Long.getLong("reliability.seed", 1L);
        int total = Report.full() ? 100_000 : 20_000;
        List<Target> targets = new ArrayList<>();
        ApiModel userPools = ApiModel.of(CognitoIdentityProviderClient.class, CognitoIdentityProviderRequest.class,
                CognitoIdentityProviderException.class, "AWSCognitoIdentityProviderService.", "cognito-idp");
        ApiModel identityPools = ApiModel.of(CognitoIdentityClient.class, CognitoIdentityRequest.class,
                CognitoIdentityException.class, "AWSCognitoIdentityService.", "cognito-identity");
        ApiModel sts = ApiModel.query(StsClient.class, StsRequest.class, StsException.class, "2011-06-15", "sts",
                action -> true);
        ApiModel iam = ApiModel.query(IamClient.class, IamRequest.class, IamException.class, "2010-05-08", "iam",
                IAM_ACTIONS::contains);
        userPools.operations.forEach(o -> targets.add(new Target(userPools, Stack.get().userPoolEndpoint(), o)));
        for (ApiModel model : List.of(identityPools, sts, iam)) {
            model.operations.forEach(o -> targets.add(new Target(model, Stack.get().identityPoolEndpoint(), o)));
        }
        FuzzRun run = new FuzzRun();
        Map<String, Double> countedBefore = ServiceMetrics.series(COUNTED, instance -> true);
        Map<String, Double> httpBefore = ServiceMetrics.series(HTTP_COUNTED, instance -> true);
        Map<String, LongAdder> errorTypes = new ConcurrentHashMap<>();
        run.run(total, i -> {
            Target target = targets.get(i % targets.size());
            Fuzzer.Request request = new Fuzzer(target.model(), seed * 1_000_003L + i).next(target.operation());
            String fault = send(target, request, run, errorTypes);
            return fault == null ? null
                    : "#" + i + " " + target.operation().name() + " (" + request.mutation()
                            + "): " + fault;
        });

        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "seed %d: %d requests over %d operations (%d user pools, %d identity "
                + "pools, %d STS, %d IAM) in %.0f s", seed, total, targets.size(), userPools.operations.size(),
                identityPools.operations.size(), sts.operations.size(), iam.operations.size(), run.seconds()));
        evidence.add("statuses: " + run.statuses());
        evidence.add("error types: " + new TreeMap<>(errorTypes));
        // The services' own count of the same run, from every instance's /q/metrics.
        Map<String, Long> counted = ServiceMetrics.increase(countedBefore, ServiceMetrics.series(COUNTED,
                instance -> true));
        Map<String, Long> outcomes = new TreeMap<>();
        counted.forEach((labels, n) -> outcomes.merge(label(labels, "outcome"), n, Long::sum));
        evidence.add("metrics: " + COUNTED + " rose by " + counted.values().stream().mapToLong(Long::longValue).sum()
                + " on the instances, by outcome " + outcomes);
        long counted5xx = ServiceMetrics.increase(httpBefore, ServiceMetrics.series(HTTP_COUNTED, instance -> true))
                .entrySet().stream().filter(e -> label(e.getKey(), "status").startsWith("5"))
                .mapToLong(Map.Entry::getValue).sum();
        evidence.add("metrics: " + HTTP_COUNTED + " with a 5xx status rose by " + counted5xx);
        run.record("fuzzing", "0 5xx, every error a Cognito error type, services ready after, no stack trace logged",
                "answers not a Cognito error", total, evidence);
    }

    /** The value of one label in a series' labels as exposed ({@code {action="SignUp",outcome="ok"}}), or "". */
    private static String label(String labels, String name) {
        Matcher value = Pattern.compile("[{,]" + name + "=\"([^\"]*)\"").matcher(labels);
        return value.find() ? value.group(1) : "";
    }

    /**
     * Sends one request; answers what was wrong with the answer, or null. By HttpURLConnection, which sends a large
     * body with {@code Expect: 100-continue} as clients of large bodies do (so a server may refuse it by its length
     * before it is sent, with no race between its 413 and the upload) and gives up waiting for 100 after a while.
     */
    private static String send(Target target, Fuzzer.Request request, FuzzRun run, Map<String, LongAdder> errorTypes)
            throws IOException {
        Map<String, String> headers = new TreeMap<>();
        if (!request.contentType().isEmpty()) {
            headers.put("Content-Type", request.contentType());
        }
        if (request.target() != null) {
            headers.put("X-Amz-Target", request.target());
        }
        if (request.signing() != Fuzzer.Signing.NONE) {
            headers.putAll(signature(target, request, headers));
        }
        HttpURLConnection http = (HttpURLConnection) URI.create(target.endpoint() + "/").toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setConnectTimeout(5_000);
        http.setReadTimeout(30_000);
        headers.forEach(http::setRequestProperty);
        if (request.body().length > 65_536) {
            http.setRequestProperty("Expect", "100-continue");
        }
        http.setFixedLengthStreamingMode(request.body().length);
        try (OutputStream out = http.getOutputStream()) {
            out.write(request.body());
        } catch (IOException refusedBeforeTheBody) {
            // The server answered before taking the body (a 413 to Expect: 100-continue): its answer follows.
        }
        int status = http.getResponseCode();
        InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        run.count(Integer.toString(status));
        if (status >= 500) {
            return "HTTP " + status + " " + abbreviate(body);
        }
        if (status >= 400) {
            // A client refused before sending its body (413 to Expect: 100-continue) has only the headers.
            String type = body.isEmpty() ? String.valueOf(http.getHeaderField("x-amzn-ErrorType")).split(":")[0]
                    : errorType(body);
            errorTypes.computeIfAbsent(type.isEmpty() ? "(none)" : type, t -> new LongAdder()).increment();
            // The protocol is the answer's: the endpoint that serves both takes a request without a target and
            // without the JSON protocol's content type for a query-protocol one.
            boolean protocolError = body.startsWith("<") ? QUERY_ERRORS.contains(type)
                    : PROTOCOL_ERRORS.contains(type);
            if (!target.model().errorTypes.contains(type) && !protocolError) {
                return "HTTP " + status + " not an error of the service: " + abbreviate(body);
            }
        }
        return null;
    }

    /**
     * The error's type: {@code __type} of a JSON error; the {@code Code} of an XML one (identity-pool-service's
     * endpoint also serves STS's and IAM's query APIs, which a request without a target is taken for).
     */
    private static String errorType(String body) {
        java.util.regex.Matcher xml = XML_CODE.matcher(body);
        if (body.startsWith("<") && xml.find()) {
            return xml.group(1);
        }
        JsonNode json = Fuzzer.parse(body);
        String type = json == null ? "" : json.path("__type").asText();
        return type.substring(type.indexOf('#') + 1);
    }

    private static Map<String, String> signature(Target target, Fuzzer.Request request, Map<String, String> headers) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(
                target.endpoint() + "/"));
        headers.forEach(unsigned::putHeader);
        String secret = request.signing() == Fuzzer.Signing.FORGED ? "forged-secret-key-forged-secret-key-00000"
                : Stack.get().adminSecretAccessKey();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(
                Stack.get().adminAccessKeyId(), secret)).request(unsigned.build()).payload(ContentStreamProvider
                        .fromByteArray(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                        target.model().signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, Stack.get()
                        .region()));
        Map<String, String> signedHeaders = new TreeMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                signedHeaders.put(name, String.join(",", values));
            }
        });
        return signedHeaders;
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
