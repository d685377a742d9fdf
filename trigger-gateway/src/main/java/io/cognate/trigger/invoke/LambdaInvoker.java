package io.cognate.trigger.invoke;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cognate.trigger.functions.FunctionTarget;
import io.cognate.trigger.functions.FunctionTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Runs a trigger's handler where its function is mapped — the Lambda Invoke API
 * ({@code POST .../2015-03-31/functions/<name>/invocations}, the event as the body) of any host or of AWS Lambda
 * itself ({@link AwsLambdaRequests}), or the user's Kafka consumer ({@link KafkaHandlers}) — under Cognito's rules: five
 * seconds per attempt, which Cognito does not let anyone change;
 * another attempt, up to three, when one times out or the handler's host cannot be reached or is overloaded; a
 * handler's own error at once, without retrying. Connections to the hosts are kept alive and pooled (Vert.x's HTTP
 * client, on the event loop). Logs what went wrong but never an event or an answer, which carry passwords, codes and
 * attributes; every outcome goes to {@link InvocationReports}.
 */
@ApplicationScoped
public class LambdaInvoker {
    private static final Logger LOG = Logger.getLogger(LambdaInvoker.class);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final int ATTEMPTS = 3;

    private final FunctionTargets targets;
    private final InvocationReports reports;
    private final KafkaHandlers kafka;
    private final AwsLambdaRequests aws;
    private final HttpClient http;

    public LambdaInvoker(FunctionTargets targets, InvocationReports reports, KafkaHandlers kafka,
            AwsLambdaRequests aws, Vertx vertx) {
        this.targets = targets;
        this.reports = reports;
        this.kafka = kafka;
        this.aws = aws;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout((int) ATTEMPT_TIMEOUT.toMillis()));
    }

    /**
     * Invokes the function of a pool's trigger with the event, and reports the outcome. {@code asynchronous}: a
     * trigger whose answer is not read (the custom senders): any answer but an error completes it.
     */
    public Uni<Invocation> invoke(String userPoolId, String trigger, String functionArn, String eventJson,
            boolean asynchronous) {
        long started = System.nanoTime();
        return run(userPoolId, trigger, functionArn, eventJson, asynchronous).invoke(invocation -> reports.record(userPoolId,
                trigger, functionArn, invocation, Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<Invocation> run(String userPoolId, String trigger, String functionArn, String eventJson,
            boolean asynchronous) {
        Optional<FunctionTarget> target = targets.of(functionArn);
        if (target.isEmpty()) {
            LOG.warnf("%s: %s names no Lambda function", trigger, functionArn);
            return Uni.createFrom().item(Invocation.notRun(trigger, "ResourceNotFoundException"));
        }
        Buffer event = Buffer.buffer(eventJson);
        if (target.get() instanceof FunctionTarget.InvokeApi api) {
            // The timeout covers the whole answer: no byte comes before the handler has finished.
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                    .setAbsoluteURI(api.url().toString()).setTimeout(ATTEMPT_TIMEOUT.toMillis())
                    .putHeader("Content-Type", "application/json");
            return attempts(trigger, api.url().getAuthority(), () -> post(trigger, request, event, asynchronous), 1);
        }
        if (target.get() instanceof FunctionTarget.AwsLambda) {
            String refusal = aws.refusal(functionArn);
            if (refusal != null) {
                return Uni.createFrom().item(Invocation.notRun(trigger, refusal));
            }
            // Signed anew for each attempt (a signature holds its time), over the same bytes.
            byte[] body = event.getBytes();
            return attempts(trigger, FunctionTarget.AWS,
                    () -> post(trigger, aws.request(functionArn, body), event, asynchronous), 1);
        }
        return attempts(trigger, FunctionTarget.KAFKA,
                () -> kafka.attempt(userPoolId, trigger, functionArn, eventJson), 1);
    }

    private Uni<HandlerAnswers.Attempt> post(String trigger, RequestOptions request, Buffer event,
            boolean asynchronous) {
        return http.request(request).chain(sent -> sent.send(event))
                .chain(response -> response.body().map(body -> HandlerAnswers.of(trigger, response.statusCode(),
                        response.getHeader(HandlerAnswers.FUNCTION_ERROR) != null, body.toString(), asynchronous)))
                .onFailure().recoverWithItem(failure -> new HandlerAnswers.Retry(lambdaError(failure)));
    }

    /** Attempts until one ends the invocation, three at most. */
    private Uni<Invocation> attempts(String trigger, String where, Supplier<Uni<HandlerAnswers.Attempt>> attempt,
            int number) {
        return attempt.get().chain(result -> {
            if (result instanceof HandlerAnswers.Done done) {
                return Uni.createFrom().item(done.invocation());
            }
            String error = ((HandlerAnswers.Retry) result).lambdaError();
            LOG.warnf("%s: attempt %d of %d at %s failed: %s", trigger, number, ATTEMPTS, where, error);
            return number < ATTEMPTS ? attempts(trigger, where, attempt, number + 1)
                    : Uni.createFrom().item(Invocation.notRun(trigger, error));
        });
    }

    /** Lambda's name for an invoke that got no answer: a timeout, or the host unreachable. */
    static String lambdaError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return HandlerAnswers.TIMEOUT;
            }
        }
        return "ServiceException";
    }
}
