package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.IdentityPools;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;

/**
 * An identity pool's tags through the AWS SDK for Java v2, and Cognito's request-rate quota of ListTagsForResource
 * (10 a second for the account, the test stack's default as Cognito's) refusing the calls past it.
 */
class IdentityPoolQuotasTest {
    private final CognitoIdentityClient admin = IdentityPools.admin();

    @Test
    void listTagsWhenMoreThanTenInOneSecondThenTooManyRequestsPastTheTenth() throws InterruptedException {
        String pool = IdentityPools.pool(TestPools.pool(), false);
        String arn = "arn:aws:cognito-identity:" + Stack.get().region() + ":000000000000:identitypool/" + pool;
        admin.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", "photos", "stage", "test")));
        admin.untagResource(r -> r.resourceArn(arn).tagKeys(List.of("stage")));
        Thread.sleep(1100 - System.currentTimeMillis() % 1000);
        assertEquals(Map.of("team", "photos"), admin.listTagsForResource(r -> r.resourceArn(arn)).tags());

        for (int attempt = 0; attempt < 5; attempt++) {
            // Start just after a second begins, so that the whole burst falls into one one-second window.
            Thread.sleep(1100 - System.currentTimeMillis() % 1000);
            long window = System.currentTimeMillis() / 1000;
            int allowed = 0;
            TooManyRequestsException refused = null;
            for (int i = 0; i < 15; i++) {
                try {
                    admin.listTagsForResource(r -> r.resourceArn(arn));
                    allowed++;
                } catch (TooManyRequestsException e) {
                    refused = e;
                }
            }
            if (System.currentTimeMillis() / 1000 == window) {
                assertEquals(10, allowed);
                assertEquals("Rate exceeded", refused.awsErrorDetails().errorMessage());
                assertEquals(400, refused.statusCode());
                return;
            }
        }
        throw new AssertionError("no burst of 15 ListTagsForResource calls fit into one second");
    }
}
