package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Nothing sensitive reaches a log: a user signs up (through PreSignUp and PostConfirmation triggers, whose events
 * carry the attributes), confirms with the mailed code, signs in, refreshes and fails once; then no line of any log
 * of the stack (services, trigger-gateway, PostgreSQL, Kafka, the mail sink's) holds the password, the code or a token.
 */
class LogsTest {
    private static final Pattern COGNATE = Pattern.compile("(user-pool-service|token-service|trigger-gateway)");

    @Test
    void logsWhenSecretsWentThroughThenNoneIsWritten() throws IOException {
        LambdaShims.start();
        TestPool pool = TestPools.pool(b -> b.lambdaConfig(l -> l.preSignUp(LambdaShims.arn("pre-signup"))
                .postConfirmation(LambdaShims.arn("record"))));
        String username = Names.unique("user");
        String email = Names.email("user");
        String password = "Log-Secret-" + UUID.randomUUID().toString().substring(0, 8) + "A1";
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId()).username(username).password(password)
                .userAttributes(attribute("email", email)));
        String code = Mailbox.of(email).awaitCode();
        Cognito.anonymous().confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
        AuthenticationResultType tokens = SignIn.password(pool.clientId(), username, password);
        Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())));
        try {
            SignIn.password(pool.clientId(), username, password + "x");
        } catch (RuntimeException expected) {
            // a wrong password, refused: its text must not be logged either
        }

        List<String> secrets = List.of(password, tokens.accessToken(), tokens.idToken(), tokens.refreshToken());
        Pattern codeAlone = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
        for (Path log : Stack.get().logFiles()) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> log.getFileName() + " holds a password or a token");
            }
            // Six digits occur by chance among the infrastructure's numbers (offsets, sizes): the code is looked for
            // in Cognate's own logs.
            if (COGNATE.matcher(log.getFileName().toString()).lookingAt()) {
                assertFalse(codeAlone.matcher(text).find(), () -> log.getFileName() + " holds the code");
            }
        }
    }
}
