package dev.elements.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.elements.app.ElementsApi;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.facebook.fake.FakeFacebook;
import dev.elements.testing.TestClock;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hosted connect flow in a real browser: Debian's {@code chromium}, driven headless through
 * {@code chromium-driver} by Selenium, from an application's session to the connect page, the fake
 * Facebook's login, the platform's callback and back to the application's own page. Skipped, saying
 * why, where no browser is installed ({@code apt-get install chromium chromium-driver}). Screenshots
 * of every step go to {@code target/connect-screenshots}.
 */
class ConnectBrowserTest {
    private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "connect-screenshots");
    private static final String APP_ID = "1029384756";
    private static final String APP_SECRET = "fake-app-secret-for-connect";
    private static final String ORGANIZATION_SECRET = "org-secret-connect-browser-test-0123456789abcdef";
    private static final String USER_SECRET = "user-secret-connect-browser-test-0123456789abcdef";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final TestClock clock = new TestClock(Instant.now());
    private final FakeFacebook facebook = FakeFacebook.start();
    private HttpServer receiver;
    private ElementsServer server;
    private TestHttpClient api;
    private WebDriver browser;
    private String testName;

    @BeforeEach
    void start(TestInfo test) throws IOException {
        Path chromium = BROWSERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null && Files.isExecutable(DRIVER),
                "No browser for the connect flow's browser test: install Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver; .ci/run does where it can)");
        testName = test.getTestMethod().orElseThrow().getName();
        facebook.loginAs(facebook.createUser("Ada Lovelace"));
        receiver = receiver();
        server = TestServers.start(TestServers.settings(data, facebook, ORGANIZATION_SECRET, USER_SECRET), clock,
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        facebook.registerApp(APP_ID, APP_SECRET, "http://127.0.0.1:" + server.port() + "/connect/callback");
        api = ElementsApi.asUser(server.port(), USER_SECRET, ORGANIZATION_SECRET);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1024,900", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        facebook.close();
    }

    /** The application's own page that the browser comes back to: it only says where it is. */
    private static HttpServer receiver() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/connected", exchange -> {
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Back in the application</title></head>"
                    + "<body><h1>Back in the application</h1></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        http.start();
        return http;
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/connected?app=demo";
    }

    /** A session made as the application makes it; its answer. */
    private JsonNode createSession() {
        TestResponse created = api.postJson("/connect/sessions", ElementsApi.json(Map.of(
                "element", Map.of("key", "facebooksocial"),
                "configuration", Map.of("oauth.api.key", APP_ID, "oauth.api.secret", APP_SECRET,
                        "oauth.scope", "public_profile,user_posts"),
                "name", "Ada's Facebook",
                "tags", List.of("connect"),
                "redirectUrl", receiverUrl())));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json();
    }

    private void screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(testName + "-" + step + ".png"), png);
    }

    private void awaitReceiver() {
        new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.urlContains("/connected?"));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }

    private JsonNode session(String id) {
        TestResponse read = api.get("/connect/sessions/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    @Test
    void aPersonConnectsTheirFacebookAccountFromTheLinkAndTheApplicationGetsTheInstance() throws IOException {
        JsonNode session = createSession();
        String id = session.path("id").asText();

        browser.get(session.path("url").asText());
        assertThat(browser.getTitle()).contains("Connect your Facebook account");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .endsWith(" would like to connect to your Facebook account");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElements(By.tagName("code"))).extracting(WebElement::getText)
                .containsExactly("public_profile", "user_posts");
        WebElement proceed = browser.findElement(By.id("continue"));
        assertThat(proceed.getText()).isEqualTo("Continue to Facebook");
        screenshot("1-connect-page");

        // The keyboard reaches the button, and Enter follows it.
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("continue");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        awaitReceiver();
        screenshot("2-back-in-the-application");

        Map<String, String> returned = query(browser.getCurrentUrl());
        assertThat(returned).containsOnlyKeys("app", "connectSessionId", "instanceId")
                .containsEntry("connectSessionId", id);
        JsonNode connected = session(id);
        assertThat(connected.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(connected.path("instance").path("id").asText()).isEqualTo(returned.get("instanceId"));
        assertThat(connected.path("instance").path("token").asText()).isNotEqualTo("********");
        TestResponse instance = api.get("/instances/" + returned.get("instanceId"));
        assertThat(instance.status()).isEqualTo(200);
        assertThat(instance.json().path("name").asText()).isEqualTo("Ada's Facebook");
        assertThat(instance.json().path("element").path("key").asText()).isEqualTo("facebooksocial");
    }

    @Test
    void aPersonWhoRefusesAtFacebookIsToldSoAndTheApplicationGetsTheError() throws IOException {
        JsonNode session = createSession();
        String id = session.path("id").asText();
        facebook.denyNextLogin();

        browser.get(session.path("url").asText());
        screenshot("1-connect-page");
        browser.findElement(By.id("continue")).click();
        new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.urlContains("/connect/callback"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account was not connected");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("access was not granted");
        screenshot("2-not-connected");

        browser.get(browser.findElement(By.id("return")).getAttribute("href"));
        awaitReceiver();
        screenshot("3-back-in-the-application");
        assertThat(query(browser.getCurrentUrl())).containsEntry("error", "access_denied")
                .containsEntry("connectSessionId", id).containsKey("error_description")
                .doesNotContainKey("instanceId");
        JsonNode failed = session(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("access_denied");
        assertThat(api.get("/instances").json()).isEmpty();
    }

    @Test
    void aLinkOpenedAfterFifteenMinutesSaysItExpiredAndALateLoginConnectsNothing() throws IOException {
        JsonNode session = createSession();
        String id = session.path("id").asText();
        browser.get(session.path("url").asText());
        WebElement proceed = browser.findElement(By.id("continue"));
        clock.advance(Duration.ofMinutes(15));

        proceed.click();
        new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.urlContains("/connect/callback"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("expired");
        screenshot("1-login-came-back-too-late");

        browser.get(session.path("url").asText());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account was not connected");
        assertThat(browser.findElements(By.id("continue"))).isEmpty();
        screenshot("2-link-expired");

        JsonNode expired = session(id);
        assertThat(expired.path("status").asText()).isEqualTo("FAILED");
        assertThat(expired.path("error").asText()).isEqualTo("expired_session");
        assertThat(api.get("/instances").json()).isEmpty();
    }
}
