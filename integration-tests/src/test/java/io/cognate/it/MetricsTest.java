package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.HostedUi;
import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Every service's Prometheus metrics on its management port, as a scraper reads them: requests per action and
 * outcome, sign-in outcomes by flow and reason, the outbox's backlog and lag, the OAuth endpoints' HTTP requests.
 */
class MetricsTest {

    @Test
    void signInsAndRefusalsThenCountedPerActionOutcomeFlowAndReason() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        SignIn.password(pool, user);
        try {
            SignIn.password(pool.clientId(), user.username(), "Wrong-Password-1");
        } catch (NotAuthorizedException expected) {
            // counted as a refused sign-in
        }
        String userPool = metrics("COGNATE_USER_POOL_MANAGEMENT_URL");
        assertMetric(userPool, "cognate_api_requests_seconds_count\\{action=\"InitiateAuth\",outcome=\"ok\"\\} \\d");
        assertMetric(userPool, "cognate_api_requests_seconds_count\\{action=\"InitiateAuth\",outcome="
                + "\"NotAuthorizedException\"\\} \\d");
        assertMetric(userPool, "cognate_api_requests_seconds_bucket\\{action=\"AdminCreateUser\",outcome=\"ok\","
                + "le=\"0\\.1\"\\} \\d");
        assertMetric(userPool, "cognate_user_events_total\\{flow=\"USER_PASSWORD_AUTH\",reason=\"\",type=\"SignIn\"\\}");
        assertMetric(userPool, "cognate_user_events_total\\{flow=\"USER_PASSWORD_AUTH\","
                + "reason=\"NotAuthorizedException\",type=\"SignInFailed\"\\}");
        assertMetric(userPool, "cognate_outbox_backlog \\d");
        assertMetric(userPool, "cognate_outbox_lag_seconds \\d");

        String identityPool = IdentityPools.pool(pool, true);
        IdentityPools.anonymous().getId(b -> b.identityPoolId(identityPool));
        // STS's and IAM's query protocol on the same endpoint: counted the same way, made-up actions as "unknown".
        IdentityPools.iam().listRoles();
        assertThrows(AwsServiceException.class, () -> IdentityPools.anonymousSts().getSessionToken());
        String identityPoolMetrics = metrics("COGNATE_IDENTITY_POOL_MANAGEMENT_URL");
        assertMetric(identityPoolMetrics, "cognate_api_requests_seconds_count\\{action=\"GetId\",outcome=\"ok\"\\} \\d");
        assertMetric(identityPoolMetrics, "cognate_api_requests_seconds_count\\{action=\"ListRoles\",outcome=\"ok\"\\} "
                + "\\d");
        assertMetric(identityPoolMetrics, "cognate_api_requests_seconds_count\\{action=\"unknown\","
                + "outcome=\"InvalidAction\"\\} \\d");

        HostedUi.App app = HostedUi.app("https://app.example.com/callback", b -> {
        });
        new HostedUi.Session().get(app.authorizeUrl(Map.of("scope", "openid")));
        assertMetric(metrics("COGNATE_TOKEN_MANAGEMENT_URL"), "http_server_requests_seconds_count\\{.*uri=\""
                + "/domain/\\{domain\\}/oauth2/authorize\".*\\} \\d");
    }

    private static String metrics(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.get().value(key)
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void assertMetric(String metrics, String line) {
        assertTrue(Pattern.compile("^" + line, Pattern.MULTILINE).matcher(metrics).find(),
                () -> "no line like " + line + " in:\n" + metrics.lines().filter(l -> l.startsWith("cognate_")
                        || l.startsWith("http_server_requests_seconds_count")).limit(60).reduce("", (a, b) -> a
                                + b + "\n"));
    }
}
