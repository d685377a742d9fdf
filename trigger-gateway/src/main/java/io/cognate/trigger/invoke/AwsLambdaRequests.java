package io.cognate.trigger.invoke;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.trigger.config.TriggerConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Invoke API requests to AWS Lambda itself, for the functions mapped to {@code aws}: the function's full ARN as the
 * FunctionName (Lambda accepts one, alias or version included), at the endpoint of the ARN's region or the configured
 * one, signed with AWS Signature V4 for the service {@code lambda} by the SDK's own signer. Each attempt is signed
 * anew: a signature holds its time.
 */
@ApplicationScoped
public class AwsLambdaRequests {
    private static final Logger LOG = Logger.getLogger(AwsLambdaRequests.class);
    /** {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}, region and account given. */
    private static final Pattern REGIONAL_ARN = Pattern.compile("arn:(aws[\\w-]*):lambda:([a-z0-9-]+):\\d{12}:function:.+");

    private final Optional<AwsCredentialsIdentity> credentials;
    private final Optional<String> endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public AwsLambdaRequests(TriggerConfig config) {
        TriggerConfig.Aws aws = config.aws();
        if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
            String key = aws.accessKeyId().get();
            String secret = aws.secretAccessKey().get();
            credentials = Optional.of(aws.sessionToken().<AwsCredentialsIdentity> map(
                    token -> AwsSessionCredentialsIdentity.create(key, secret, token))
                    .orElseGet(() -> AwsCredentialsIdentity.create(key, secret)));
        } else {
            credentials = Optional.empty();
        }
        this.endpoint = aws.endpoint().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * Why the function cannot be invoked on AWS Lambda, as Lambda's error name: no credentials to sign with
     * (AccessDeniedException), or an ARN without a region and account (ResourceNotFoundException); null when it can.
     */
    String refusal(String functionArn) {
        if (credentials.isEmpty()) {
            LOG.warnf("%s is mapped to aws, but no AWS credentials are configured (COGNATE_TRIGGERS_AWS_*)",
                    functionArn);
            return "AccessDeniedException";
        }
        return REGIONAL_ARN.matcher(functionArn).matches() ? null : "ResourceNotFoundException";
    }

    /** The signed request of one attempt; {@link #refusal} must have been null. */
    RequestOptions request(String functionArn, byte[] event) {
        Matcher arn = REGIONAL_ARN.matcher(functionArn);
        arn.matches();
        String region = arn.group(2);
        String base = endpoint.orElseGet(() -> "https://lambda." + region + ".amazonaws.com"
                + (arn.group(1).equals("aws-cn") ? ".cn" : ""));
        URI url = URI.create(base + "/2015-03-31/functions/" + URLEncoder.encode(functionArn, StandardCharsets.UTF_8)
                + "/invocations");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(url)
                .putHeader("Content-Type", "application/json").build();
        SignedRequest signed = signer.sign(request -> request.identity(credentials.get()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(event))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url.toString())
                .setTimeout(LambdaInvoker.ATTEMPT_TIMEOUT.toMillis());
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> options.addHeader(name, value));
            }
        });
        return options;
    }
}
