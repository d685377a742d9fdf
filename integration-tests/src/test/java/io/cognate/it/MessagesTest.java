package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SmsInbox;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** Message templates: CONFIRM_WITH_LINK, the pool's sender (EmailConfiguration), invitations by SMS. */
class MessagesTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @Test
    void confirmWithLinkThenOpeningTheLinkFromTheMailConfirmsTheUser() throws Exception {
        TestPool pool = TestPools.pool(b -> b.verificationMessageTemplate(t -> t
                .defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                .emailSubjectByLink("Verify your address")
                .emailMessageByLink("Welcome! {##Click here to verify##} and you are in.")));
        String username = Names.unique("user");
        String email = Names.email("user");
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId()).username(username).password(TestPools.PASSWORD)
                .userAttributes(TestUsers.attribute("email", email)));

        Mailbox.Mail mail = Mailbox.of(email).awaitMessage();
        assertEquals("Verify your address", mail.subject());
        assertTrue(mail.html().contains(">Click here to verify</a>"), mail::html);
        Matcher link = HREF.matcher(mail.html());
        assertTrue(link.find(), mail::html);
        String url = link.group(1).replace("&amp;", "&");
        assertTrue(url.contains("/confirmUser?client_id=" + pool.clientId()), url);

        HttpResponse<String> opened = get(url);
        assertEquals(200, opened.statusCode(), opened::body);
        assertTrue(opened.body().contains("confirmed"), opened::body);
        AdminGetUserResponse user = Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id()).username(username));
        assertEquals(UserStatusType.CONFIRMED, user.userStatus());
        assertEquals("true", TestUsers.attribute(user.userAttributes(), "email_verified"));
        assertEquals(400, get(url).statusCode(), "a link works once");
    }

    @Test
    void emailConfigurationThenMailComesFromThePoolsSender() {
        TestPool pool = TestPools.pool(b -> b.emailConfiguration(e -> e.from("Acme Sign-in <no-reply@acme.example>")
                .replyToEmailAddress("help@acme.example")));
        String email = Names.email("user");
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId()).username(Names.unique("user"))
                .password(TestPools.PASSWORD).userAttributes(TestUsers.attribute("email", email)));

        assertEquals("no-reply@acme.example", Mailbox.of(email).awaitMessage().from());
    }

    @Test
    void adminCreateUserWithSmsDeliveryThenInvitationOnTheSmsTopic() {
        TestPool pool = TestPools.pool();
        String phone = SmsInbox.uniqueNumber();
        String username = Names.unique("user");

        Cognito.admin().adminCreateUser(b -> b.userPoolId(pool.id()).username(username).temporaryPassword("Temp-Pass-123")
                .desiredDeliveryMediums(DeliveryMediumType.SMS)
                .userAttributes(TestUsers.attribute("email", Names.email("user")),
                        TestUsers.attribute("phone_number", phone)));

        String text = SmsInbox.awaitMessage(phone, 1).cloudEvent().path("data").path("message").asText();
        assertTrue(text.contains(username) && text.contains("Temp-Pass-123"), text);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
