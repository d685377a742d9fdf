package io.cognate.trigger.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class HandlerAnswersTest {
    private static final String EVENT = "{\"version\":\"1\",\"triggerSource\":\"PreSignUp_SignUp\",\"region\":"
            + "\"us-east-1\",\"userPoolId\":\"us-east-1_A\",\"userName\":\"u\",\"callerContext\":{},\"request\":{},"
            + "\"response\":{\"autoConfirmUser\":true}}";

    @Test
    void eventWhenAnsweredThenPassedOn() {
        Invocation invocation = done(HandlerAnswers.of("PreSignUp", 200, false, EVENT, false));
        assertEquals(EVENT, assertInstanceOf(Invocation.Answered.class, invocation).eventJson());
    }

    @Test
    void errorObjectWhenAnsweredWithoutHeaderThenHandlerError() {
        // The runtime interface emulator: HTTP 200 and the error alone.
        Invocation invocation = done(HandlerAnswers.of("PreSignUp", 200, false,
                "{\"errorType\":\"Error\",\"errorMessage\":\"Registration closed.\",\"trace\":[]}", false));
        assertEquals(new Invocation.Failed(Invocation.FailureKind.HANDLER_ERROR,
                "PreSignUp failed with error Registration closed.."), invocation);
    }

    @Test
    void functionErrorHeaderWhenPresentThenHandlerError() {
        Invocation invocation = done(HandlerAnswers.of("PreAuthentication", 200, true,
                "{\"errorMessage\":\"no\",\"errorType\":\"Exception\",\"stackTrace\":[]}", false));
        assertEquals("PreAuthentication failed with error no.", ((Invocation.Failed) invocation).message());
    }

    @Test
    void notAnEventWhenAnsweredThenUnrecognizable() {
        for (String body : new String[] { "{}", "null", "", "[1]", "\"ok\"", EVENT.replace("\"region\":\"us-east-1\",",
                ""), EVENT.replace("{\"autoConfirmUser\":true}", "null") }) {
            assertEquals(Invocation.invalidResponse(), done(HandlerAnswers.of("PreSignUp", 200, false, body, false)), body);
        }
    }

    @Test
    void timeoutTextWhenAnsweredThenRetried() {
        assertEquals(new HandlerAnswers.Retry(HandlerAnswers.TIMEOUT),
                HandlerAnswers.of("PreSignUp", 200, false, "Task timed out after 5.00 seconds", false));
        assertEquals(new HandlerAnswers.Retry("ServiceException"), HandlerAnswers.of("PreSignUp", 502, false, "", false));
    }

    @Test
    void missingFunctionWhenAnsweredThenNotRun() {
        assertEquals("PreSignUp invocation failed due to error ResourceNotFoundException.",
                ((Invocation.Failed) done(HandlerAnswers.of("PreSignUp", 404, false, "", false))).message());
    }

    private static Invocation done(HandlerAnswers.Attempt attempt) {
        return assertInstanceOf(HandlerAnswers.Done.class, attempt).invocation();
    }

    @Test
    void asynchronousWhenTheHandlerReturnsNothingThenDone() {
        assertInstanceOf(Invocation.Answered.class, done(HandlerAnswers.of("CustomEmailSender", 200, false, "null",
                true)));
        assertEquals(Invocation.handlerError("CustomEmailSender", "no"), done(HandlerAnswers.of("CustomEmailSender",
                200, true, "{\"errorMessage\":\"no\"}", true)));
    }
}
