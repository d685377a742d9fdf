package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Browser;
import io.cognate.it.support.Cognito;
import io.cognate.it.support.HostedUi;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestTotp;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The hosted pages in a real browser (Debian's Chromium, headless): sign-in with code + PKCE, sign-up with the code
 * from the mail, a forgotten password, TOTP MFA set up and used, lockout, single sign-on, sign-out, and the pool's
 * branding on the page.
 */
class BrowserTest {

    private static HostedUi.App app(Browser browser) {
        return HostedUi.app(browser.callback(), b -> {
        });
    }

    /** From the authorize URL to the callback: the form filled in and sent. */
    private static String signIn(Browser browser, String authorizeUrl, String username, String password) {
        browser.open(authorizeUrl);
        browser.type("username", username);
        browser.type("password", password);
        browser.submit();
        return browser.url();
    }

    @Test
    void signInWhenCodeFlowWithPkceThenTheAppGetsACodeThatRedeemsForVerifiedTokens() {
        try (Browser browser = new Browser()) {
            HostedUi.App app = app(browser);
            TestUser user = TestUsers.confirmed(app.pool());
            String verifier = HostedUi.verifier();
            signIn(browser, app.authorizeUrl(Map.of("scope", "openid email profile", "state", "st-1",
                    "code_challenge", HostedUi.challenge(verifier), "code_challenge_method", "S256")),
                    user.username(), user.password());
            String callback = browser.awaitCallback();
            assertEquals("st-1", HostedUi.parameter(callback, "state"));
            JsonNode tokens = HostedUi.json(HostedUi.redeem(app, HostedUi.parameter(callback, "code"), verifier));
            Tokens.verifyIdToken(app.poolId(), app.clientId(), tokens.path("id_token").asText());
        }
    }

    @Test
    void signUpWhenConfirmedWithTheMailedCodeThenSignedInThroughThePages() {
        try (Browser browser = new Browser()) {
            HostedUi.App app = app(browser);
            String username = Names.unique("newbie");
            String email = Names.email("newbie");
            browser.open(app.authorizeUrl(Map.of("scope", "openid")));
            browser.click("Sign up");
            browser.type("username", username);
            browser.type("attr_email", email);
            browser.type("password", TestPools.PASSWORD);
            browser.submit();
            assertTrue(browser.page().contains("Confirm your account"), browser.page());

            browser.type("code", Mailbox.of(email).awaitCode());
            browser.submit();
            assertTrue(browser.page().contains("Your account is confirmed"), browser.page());
            browser.type("username", username);
            browser.type("password", TestPools.PASSWORD);
            browser.submit();
            assertTrue(browser.awaitCallback().contains("code="));
        }
    }

    @Test
    void forgotPasswordWhenResetThroughThePagesThenTheNewPasswordSignsIn() {
        try (Browser browser = new Browser()) {
            HostedUi.App app = app(browser);
            TestUser user = TestUsers.confirmed(app.pool());
            browser.open(app.authorizeUrl(Map.of("scope", "openid")));
            browser.click("Forgot your password?");
            browser.type("username", user.username());
            browser.submit();
            browser.type("code", Mailbox.of(user.email()).awaitCode());
            browser.type("password", "Brand-New-Pass-7");
            browser.submit();
            assertTrue(browser.page().contains("Your password has been changed"), browser.page());
            browser.type("username", user.username());
            browser.type("password", "Brand-New-Pass-7");
            browser.submit();
            assertTrue(browser.awaitCallback().contains("code="));
        }
    }

    @Test
    void totpWhenPoolRequiresMfaThenSetUpOnThePagesAndAskedAtTheNextSignIn() {
        try (Browser browser = new Browser()) {
            String poolId = TestPools.createPool(b -> {
            });
            Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                    .softwareTokenMfaConfiguration(c -> c.enabled(true)));
            HostedUi.App app = HostedUi.app(poolId, HostedUi.domain(poolId), browser.callback(), b -> {
            });
            TestUser user = TestUsers.confirmed(app.pool());
            signIn(browser, app.authorizeUrl(Map.of("scope", "openid")), user.username(), user.password());
            assertTrue(browser.page().contains("Set up multi-factor authentication"), browser.page());
            browser.submit();
            String secret = browser.text("secret");
            assertTrue(!browser.driver().findElements(By.cssSelector("svg.qr")).isEmpty(), "the QR code is shown");
            TestTotp.awaitFreshStep();
            browser.type("code", TestTotp.code(secret, 0));
            browser.submit();
            assertTrue(browser.awaitCallback().contains("code="));

            try (Browser second = new Browser()) {
                HostedUi.App again = HostedUi.app(poolId, app.domain(), second.callback(), b -> {
                });
                signIn(second, again.authorizeUrl(Map.of("scope", "openid")), user.username(), user.password());
                assertTrue(second.page().contains("authenticator app"), second.page());
                // The next step's code: the set-up used this step's, and a step's code is accepted once.
                second.type("code", TestTotp.code(secret, 1));
                second.submit();
                assertTrue(second.awaitCallback().contains("code="));
            }
        }
    }

    @Test
    void lockoutWhenWrongPasswordsInARowOnThePageThenEvenTheRightOneIsRefused() throws InterruptedException {
        try (Browser browser = new Browser()) {
            HostedUi.App app = app(browser);
            TestUser user = TestUsers.confirmed(app.pool());
            String authorize = app.authorizeUrl(Map.of("scope", "openid"));
            // The fifth failure in a row locks for 1 s, the sixth (once that passed) for 2 s, the seventh for 4 s:
            // long enough for the browser's next sign-in to arrive while locked, however busy the machine.
            for (int failures = 1; failures <= 7; failures++) {
                signIn(browser, authorize, user.username(), "Wrong-Password-1");
                assertTrue(browser.page().contains("Incorrect username or password."), browser.page());
                if (failures >= 5 && failures < 7) {
                    Thread.sleep((1000L << (failures - 5)) + 200);
                }
            }
            LockoutTest.settle();
            signIn(browser, authorize, user.username(), user.password());
            assertTrue(browser.page().contains("Password attempts exceeded"), browser.page());
        }
    }

    @Test
    void sessionWhenSignedInThenASecondClientSkipsTheFormUntilSignOut() {
        try (Browser browser = new Browser()) {
            HostedUi.App first = app(browser);
            HostedUi.App second = HostedUi.app(first.poolId(), first.domain(), browser.callback(), b -> {
            });
            TestUser user = TestUsers.confirmed(first.pool());
            signIn(browser, first.authorizeUrl(Map.of("scope", "openid")), user.username(), user.password());
            browser.awaitCallback();

            browser.open(second.authorizeUrl(Map.of("scope", "openid")));
            assertTrue(browser.awaitCallback().contains("code="), "single sign-on: no form");

            browser.open(first.base() + "/logout?client_id=" + first.clientId() + "&logout_uri=" + browser.callback());
            browser.awaitCallback();
            browser.open(second.authorizeUrl(Map.of("scope", "openid")));
            assertTrue(!browser.driver().findElements(By.id("password")).isEmpty(), "signed out: the form again");
        }
    }

    @Test
    void brandingWhenSetThenTheLogoColourAndCssAreOnTheSignInPage() {
        try (Browser browser = new Browser()) {
            HostedUi.App app = app(browser);
            Cognito.admin().setUICustomization(b -> b.userPoolId(app.poolId())
                    .css(".label-customizable { font-weight: 400; }")
                    .imageFile(SdkBytes.fromByteArray(BrandingTest.PNG)));
            Document settings = Document.fromMap(Map.of("components", Document.fromMap(Map.of("primaryButton",
                    Document.fromMap(Map.of("lightMode", Document.fromMap(Map.of("defaults", Document.fromMap(Map.of(
                            "backgroundColor", Document.fromString("aa2200ff")))))))))));
            Cognito.admin().createManagedLoginBranding(b -> b.userPoolId(app.poolId()).clientId(app.clientId())
                    .settings(settings));
            browser.open(app.authorizeUrl(Map.of("scope", "openid", "lang", "fr")));
            assertTrue(!browser.driver().findElements(By.cssSelector("img.logo-customizable")).isEmpty());
            String colour = browser.driver().findElement(By.cssSelector("button[type=submit]"))
                    .getCssValue("background-color");
            assertEquals("rgba(170, 34, 0, 1)", colour);
            assertEquals("400", browser.driver().findElement(By.cssSelector("label.label-customizable"))
                    .getCssValue("font-weight"));
            assertTrue(browser.page().contains("Se connecter"), "lang=fr: the page in French");
            browser.screenshot("branded-sign-in");
        }
    }
}
