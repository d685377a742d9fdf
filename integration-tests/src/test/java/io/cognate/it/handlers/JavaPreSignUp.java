package io.cognate.it.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;

/**
 * A PreSignUp handler as Java users write them, with aws-lambda-java-events' types: accounts of java.example are
 * confirmed with their email verified; anyone else is refused. Run by deploy/lambda/InvokeShim.java in the tests.
 */
public class JavaPreSignUp implements RequestHandler<CognitoUserPoolPreSignUpEvent, CognitoUserPoolPreSignUpEvent> {

    @Override
    public CognitoUserPoolPreSignUpEvent handleRequest(CognitoUserPoolPreSignUpEvent event, Context context) {
        String email = event.getRequest().getUserAttributes().getOrDefault("email", "");
        if (!email.endsWith("@java.example")) {
            throw new IllegalArgumentException("Only java.example may sign up");
        }
        event.getResponse().setAutoConfirmUser(true);
        event.getResponse().setAutoVerifyEmail(true);
        return event;
    }
}
