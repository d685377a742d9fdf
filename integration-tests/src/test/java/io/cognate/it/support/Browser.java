package io.cognate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

/**
 * A real browser for the hosted pages: Debian's Chromium, headless, driven through its chromedriver (both installed
 * by {@code ./cognate test}), and an app's callback page on the loopback, where the pages send the browser back with
 * a code. One per test; {@link #close} quits both.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final HttpServer callbackServer;

    public Browser() {
        try {
            callbackServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        callbackServer.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><title>App</title><p id=\"app\">Back in the app.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callbackServer.start();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1000,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** The app's callback URL on the loopback (register it as the client's callback and sign-out URL). */
    public String callback() {
        return "http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callback";
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    /** Submits the page's first form, and waits for the page the answer brings. */
    public void submit() {
        navigate(driver.findElement(By.cssSelector("form button[type=submit]")));
    }

    /** Follows a link, and waits for its page. */
    public void click(String linkText) {
        navigate(driver.findElement(By.linkText(linkText)));
    }

    private void navigate(org.openqa.selenium.WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                element.isEnabled();
                return false; // still the old page
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or (Chromium, caught mid-navigation) "Node with given id does not belong to the document".
                if (!(gone instanceof org.openqa.selenium.StaleElementReferenceException)
                        && !String.valueOf(gone.getMessage()).contains("does not belong to the document")) {
                    throw gone;
                }
                return "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState"));
            }
        });
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String page() {
        return driver.getPageSource();
    }

    /** Waits until the browser is back at the app's callback; answers that URL (with its code or tokens). */
    public String awaitCallback() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(callback()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the browser did not get back to the app; it is at " + url() + ":\n" + page(), e);
        }
        return url();
    }

    /** A screenshot of the page, for a person to look at: {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            callbackServer.stop(0);
        }
    }
}
