package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.UserEvents;
import io.cognate.it.support.UserEvents.Event;

import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The user events on Kafka ({@value UserEvents#TOPIC}): CloudEvents in structured JSON, keyed by
 * {@code <poolId>/<sub>}, in the order things happened to the user.
 */
class EventsTest {

    private static final List<String> LIFE = List.of("UserCreated", "UserConfirmed", "SignInFailed", "SignIn",
            "SignOut", "UserDeleted");
    private static final Set<String> DATA_FIELDS = Set.of("type", "userPoolId", "username", "sub", "clientId",
            "authFlow", "reason", "occurredAt");

    @Test
    void userLifeThenEventsInOrderAsCloudEvents() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        Cognito.admin().adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(user.username()));
        Expect.error(NotAuthorizedException.class,
                () -> SignIn.password(pool.clientId(), user.username(), "Wrong-Password-1"));
        String accessToken = SignIn.password(pool, user).accessToken();
        Cognito.anonymous().globalSignOut(b -> b.accessToken(accessToken));
        Cognito.admin().adminDeleteUser(b -> b.userPoolId(pool.id()).username(user.username()));

        List<Event> events = UserEvents.await(pool.id(), user.sub(),
                seen -> seen.stream().map(Event::shortType).toList().containsAll(LIFE), Duration.ofSeconds(30));

        List<String> types = events.stream().map(Event::shortType).filter(LIFE::contains).toList();
        assertEquals(LIFE, types, () -> "event types in topic order: "
                + events.stream().map(Event::shortType).toList());

        Set<String> ids = new HashSet<>();
        for (Event event : events) {
            JsonNode ce = event.cloudEvent();
            assertEquals("1.0", ce.path("specversion").asText(), "CloudEvents 1.0");
            assertFalse(ce.path("id").asText().isEmpty(), "every event has an id");
            assertTrue(ids.add(ce.path("id").asText()), "event ids are unique");
            assertTrue(ce.path("type").asText().startsWith("io.cognate.userpool."), () -> "type " + ce.path("type"));
            assertEquals("/userpools/" + pool.id(), ce.path("source").asText());
            assertEquals(user.sub(), ce.path("subject").asText());

            JsonNode data = ce.path("data");
            assertTrue(data.isObject(), "structured mode: data is a JSON object");
            assertEquals(pool.id(), data.path("userPoolId").asText());
            assertEquals(user.username(), data.path("username").asText());
            assertEquals(user.sub(), data.path("sub").asText());
            OffsetDateTime.parse(data.path("occurredAt").asText());
            data.fieldNames().forEachRemaining(field -> assertTrue(DATA_FIELDS.contains(field),
                    () -> "user-event.schema.json allows no field " + field));
        }
        Map<String, JsonNode> byType = new java.util.HashMap<>();
        events.forEach(e -> byType.putIfAbsent(e.shortType(), e.cloudEvent().path("data")));
        assertEquals(pool.clientId(), byType.get("SignIn").path("clientId").asText());
        assertEquals("USER_PASSWORD_AUTH", byType.get("SignIn").path("authFlow").asText());
        assertEquals("NotAuthorizedException", byType.get("SignInFailed").path("reason").asText(),
                "a failed sign-in names Cognito's error type as its reason");
    }

    @Test
    void cloudEventsSdkWhenConsumingThenEveryEventReadsIncludingTokenRefreshed() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String refreshToken = SignIn.password(pool, user).refreshToken();
        Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));

        List<CloudEvent> events = UserEvents.awaitCloudEvents(pool.id(), user.sub(),
                seen -> seen.stream().anyMatch(e -> e.getType().endsWith(".TokenRefreshed")), Duration.ofSeconds(30));

        List<String> lifecycle = List.of("io.cognate.userpool.UserCreated", "io.cognate.userpool.SignIn",
                "io.cognate.userpool.TokenRefreshed");
        assertEquals(lifecycle, events.stream().map(CloudEvent::getType).filter(lifecycle::contains).toList());
        CloudEvent refreshed = events.get(events.size() - 1);
        assertEquals("/userpools/" + pool.id(), refreshed.getSource().toString());
        assertEquals(user.sub(), refreshed.getSubject());
        assertEquals("application/json", refreshed.getDataContentType());
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refreshed.getData().toBytes());
        assertEquals(pool.clientId(), data.path("clientId").asText());
        assertEquals(user.username(), data.path("username").asText());
    }

    @Test
    void eventsNeverCarrySecrets() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        var tokens = SignIn.password(pool, user);
        List<Event> events = UserEvents.await(pool.id(), user.sub(),
                seen -> seen.stream().anyMatch(e -> e.shortType().equals("SignIn")), Duration.ofSeconds(30));
        assertFalse(events.isEmpty(), "the sign-in is published");
        for (Event event : events) {
            String json = event.cloudEvent().toString();
            assertFalse(json.contains(user.password()), "no password in events");
            assertFalse(json.contains(tokens.refreshToken()), "no refresh token in events");
            assertFalse(json.contains(tokens.accessToken()), "no access token in events");
        }
    }
}
