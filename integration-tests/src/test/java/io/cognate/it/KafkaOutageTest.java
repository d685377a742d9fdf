package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.UserEvents;
import io.cognate.it.support.UserEvents.Event;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The transactional outbox: Kafka being down delays events, never loses them and never blocks a sign-in. */
class KafkaOutageTest {

    @Test
    void signInWhenKafkaDownThenSucceedsAndEventArrivesAfterKafkaReturns() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Stack stack = Stack.get();
        stack.deployScript("kafka.sh", "stop");
        AuthenticationResultType tokens;
        try {
            tokens = SignIn.password(pool, user);
        } finally {
            stack.deployScript("kafka.sh", "start");
        }
        assertNotNull(tokens.accessToken(), "sign-in succeeded while Kafka was down");

        List<Event> events = UserEvents.await(pool.id(), user.sub(),
                seen -> seen.stream().anyMatch(e -> "SignIn".equals(e.shortType())), Duration.ofSeconds(60));
        assertTrue(events.stream().anyMatch(e -> "SignIn".equals(e.shortType())),
                () -> "SignIn published once Kafka returned; saw " + events.stream().map(Event::shortType).toList());
    }
}
