package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Names;
import io.cognate.it.support.RawApi;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;

/**
 * Requests no SDK would send, spoken by hand: every one gets a 4xx with a JSON 1.1 error body ({@code __type},
 * {@code message}), never a 5xx or a stack trace, and every response carries {@code x-amzn-RequestId}.
 */
class BadInputTest {

    @Test
    void malformedJsonThenClientErrorWithErrorBody() {
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": \"abc\", ");
        assertErrorResponse(response);
        assertTrue(Set.of("SerializationException", "InvalidParameterException").contains(RawApi.errorType(response)),
                () -> "__type " + RawApi.errorType(response));
    }

    @Test
    void unknownActionThenUnknownOperationException() {
        HttpResponse<String> response = RawApi.post("NoSuchAction", "{}");
        assertErrorResponse(response);
        assertEquals("UnknownOperationException", RawApi.errorType(response));
    }

    @Test
    void missingTargetHeaderThenClientErrorWithErrorBody() {
        assertErrorResponse(RawApi.post(null, "{}"));
    }

    @Test
    void missingRequiredFieldThenInvalidParameter() {
        HttpResponse<String> response = RawApi.post("InitiateAuth",
                "{\"AuthFlow\": \"USER_PASSWORD_AUTH\", \"AuthParameters\": {\"USERNAME\": \"a\", \"PASSWORD\": \"b\"}}");
        assertErrorResponse(response);
        assertEquals("InvalidParameterException", RawApi.errorType(response));
    }

    @Test
    void wrongTypeThenClientErrorWithErrorBody() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": 12345, \"Password\": [\"x\"]}");
        assertErrorResponse(response);
        assertTrue(Set.of("SerializationException", "InvalidParameterException").contains(RawApi.errorType(response)),
                () -> "__type " + RawApi.errorType(response));
    }

    @Test
    void oversizedUsernameThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        String username = "u".repeat(200);
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": " + RawApi.quote(username) + ", \"Password\": \"Correct-Horse-42\""
                + ", \"UserAttributes\": [{\"Name\": \"email\", \"Value\": \"big@example.test\"}]}");
        assertErrorResponse(response);
        assertEquals("InvalidParameterException", RawApi.errorType(response));
    }

    @Test
    void unknownEnumValueThenInvalidParameter() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("InitiateAuth", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"AuthFlow\": \"NO_SUCH_FLOW\", \"AuthParameters\": {}}");
        assertErrorResponse(response);
        assertEquals("InvalidParameterException", RawApi.errorType(response));
    }

    @Test
    void emptyBodyThenClientErrorWithErrorBody() {
        assertErrorResponse(RawApi.post("InitiateAuth", ""));
    }

    @Test
    void hugeBodyThenClientErrorNotServerError() {
        String junk = "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": \"" + junk + "\"}", true);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> "expected a 4xx for a 2 MiB body, got " + response.statusCode());
    }

    @Test
    void successfulCallThenRequestIdAndJsonContentType() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": " + RawApi.quote(Names.unique("user")) + ", \"Password\": \"Correct-Horse-42\""
                + ", \"UserAttributes\": [{\"Name\": \"email\", \"Value\": " + RawApi.quote(Names.email("raw"))
                + "}]}");
        assertEquals(200, response.statusCode(), response::body);
        assertRequestId(response);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(RawApi.CONTENT_TYPE),
                () -> "Content-Type " + response.headers().firstValue("Content-Type"));
        assertFalse(RawApi.json(response).path("UserSub").asText().isEmpty());
    }

    @Test
    void wrongJsonTypeThenAwsSerializationMessages() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> object = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": {\"a\": 1}, \"Password\": \"Correct-Horse-42\"}");
        HttpResponse<String> number = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": 12345, \"Password\": \"Correct-Horse-42\"}");

        assertEquals("SerializationException", RawApi.errorType(object));
        assertEquals("Start of structure or map found where not expected.", RawApi.json(object).path("message").asText());
        assertEquals("NUMBER_VALUE can not be converted to a String", RawApi.json(number).path("message").asText());
    }

    @Test
    void invalidValueThenAwsValidationMessageWithValueAndMember() {
        HttpResponse<String> response = RawApi.post("InitiateAuth", "{\"ClientId\": \"not a client\", "
                + "\"AuthFlow\": \"USER_SRP_AUTH\"}");

        assertEquals("InvalidParameterException", RawApi.errorType(response));
        assertEquals("1 validation error detected: Value 'not a client' at 'clientId' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\w+]+",
                RawApi.json(response).path("message")
                        .asText());
    }

    @Test
    void invalidSensitiveValueThenLeftOutOfTheMessage() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": \"someone\", \"Password\": \"" + "p".repeat(300) + "\"}");

        assertEquals("1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have "
                + "length less than or equal to 256", RawApi.json(response).path("message").asText());
    }

    @Test
    void memberCognateDoesNotKnowThenRefusedNamingItNeverIgnored() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("SignUp", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": " + RawApi.quote(Names.unique("user")) + ", \"Password\": \"Correct-Horse-42\", "
                + "\"UserAttributes\": [{\"Name\": \"email\", \"Value\": \"x@example.test\", \"Verified\": true}]}");
        HttpResponse<String> topLevel = RawApi.post("ForgotPassword", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"Username\": \"someone\", \"FavouriteColour\": \"blue\"}");

        assertEquals("InvalidParameterException", RawApi.errorType(response));
        assertTrue(RawApi.json(response).path("message").asText().contains("userAttributes.1.member.verified"),
                response::body);
        assertTrue(RawApi.json(topLevel).path("message").asText().contains("FavouriteColour"), topLevel::body);
    }

    @Test
    void refreshTokenNotIssuedHereThenCognitosMessage() {
        TestPool pool = TestPools.pool();
        HttpResponse<String> response = RawApi.post("InitiateAuth", "{\"ClientId\": " + RawApi.quote(pool.clientId())
                + ", \"AuthFlow\": \"REFRESH_TOKEN_AUTH\", \"AuthParameters\": {\"REFRESH_TOKEN\": \"eyJ.x.y.z.w\"}}");

        assertEquals("NotAuthorizedException", RawApi.errorType(response));
        assertEquals("Invalid Refresh Token.", RawApi.json(response).path("message").asText());
    }

    private static void assertErrorResponse(HttpResponse<String> response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> "expected a 4xx, got " + response.statusCode() + ": " + response.body());
        assertRequestId(response);
        JsonNode body = RawApi.json(response);
        assertFalse(body.path("__type").asText().isBlank(), () -> "no __type in " + response.body());
        assertTrue(body.path("message").isTextual(), () -> "no message in " + response.body());
        assertFalse(response.body().matches("(?s).*\\bat (java|io|org|com|jdk)\\.[\\w.$]+\\(.*"),
                () -> "a stack trace leaked: " + response.body());
    }

    private static void assertRequestId(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("x-amzn-RequestId").filter(id -> !id.isBlank()).isPresent(),
                () -> "no x-amzn-RequestId header: " + response.headers().map());
    }
}
