package io.cognate.rp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * quarkus-oidc, unmodified, as a Cognate pool's relying party: a visitor of the app's protected page is sent to the
 * pool's hosted sign-in page, signs in in Chromium, and comes back signed in; the app shows the verified ID token's
 * subject and username and userInfo's email.
 */
@QuarkusTest
@QuarkusTestResource(CognatePool.class)
class QuarkusOidcTest {

    @Test
    void protectedPageWhenVisitorSignsInAtTheHostedPageThenTheAppKnowsTheUser() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://localhost:18890/profile");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("password")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(CognatePool.username);
            browser.findElement(By.id("password")).sendKeys(CognatePool.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl()
                    .startsWith("http://localhost:18890/profile") && d.getPageSource().contains("username="));
            String page = browser.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("username=" + CognatePool.username), page);
            assertTrue(page.contains("email=" + CognatePool.email), page);
        } finally {
            browser.quit();
        }
    }
}
