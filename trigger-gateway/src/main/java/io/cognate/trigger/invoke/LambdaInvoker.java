package io.cognate.trigger.invoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Runs a trigger's handler through the Lambda Invoke API ({@code POST .../2015-03-31/functions/<name>/invocations},
 * the event as the body) under Cognito's rules: five seconds per attempt, which Cognito does not let anyone change;
 * another attempt, up to three, when one times out or the handler's host cannot be reached or is overloaded; a
 * handler's own error at once, without retrying. Logs what went wrong but never an event or an answer, which carry
 * passwords, codes and attributes; every outcome goes to {@link InvocationReports}.
 */
@ApplicationScoped
public class LambdaInvoker {
    private static final Logger LOG = Logger.getLogger(LambdaInvoker.class);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final int ATTEMPTS = 3;

    private final FunctionTargets targets;
    private final InvocationReports reports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    public LambdaInvoker(FunctionTargets targets, InvocationReports reports) {
        this.targets = targets;
        this.reports = reports;
    }

    /** Invokes the function of a pool's trigger with the event, and reports the outcome. */
    public Uni<Invocation> invoke(String userPoolId, String trigger, String functionArn, String eventJson) {
        long started = System.nanoTime();
        return run(trigger, functionArn, eventJson).invoke(invocation -> reports.record(userPoolId, trigger,
                functionArn, invocation, Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<Invocation> run(String trigger, String functionArn, String eventJson) {
        Optional<URI> target = targets.of(functionArn);
        if (target.isEmpty()) {
            LOG.warnf("%s: %s names no Lambda function", trigger, functionArn);
            return Uni.createFrom().item(Invocation.notRun(trigger, "ResourceNotFoundException"));
        }
        HttpRequest request = HttpRequest.newBuilder(target.get()).timeout(ATTEMPT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8)).build();
        return attempt(trigger, request, 1);
    }

    private Uni<Invocation> attempt(String trigger, HttpRequest request, int attempt) {
        return Uni.createFrom().completionStage(() -> http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .map(response -> HandlerAnswers.of(trigger, response.statusCode(),
                        response.headers().firstValue("X-Amz-Function-Error").isPresent(), response.body()))
                .onFailure().recoverWithItem(failure -> new HandlerAnswers.Retry(lambdaError(failure)))
                .chain(result -> {
                    if (result instanceof HandlerAnswers.Done done) {
                        return Uni.createFrom().item(done.invocation());
                    }
                    String error = ((HandlerAnswers.Retry) result).lambdaError();
                    LOG.warnf("%s: attempt %d of %d at %s failed: %s", trigger, attempt, ATTEMPTS,
                            request.uri().getHost() + ":" + request.uri().getPort(), error);
                    return attempt < ATTEMPTS ? attempt(trigger, request, attempt + 1)
                            : Uni.createFrom().item(Invocation.notRun(trigger, error));
                });
    }

    /** Lambda's name for an invoke that got no answer: a timeout, or the host unreachable. */
    private static String lambdaError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return HandlerAnswers.TIMEOUT;
            }
        }
        return "ServiceException";
    }
}
