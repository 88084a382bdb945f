package io.pactwatch.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.local.testing.RealInfrastructure;
import io.pactwatch.local.testing.SharedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard against the real notifier, Kafka and PostgreSQL: events made from classified articles appear on the
 * server-rendered pages (no JavaScript needed), and in Debian's headless Chromium the timeline shows them in order, a
 * new event appears live over SSE without a reload, and a click shows its evidence quote. Also: the feeds page with
 * the poller up and down, and the admin sign-in. Screenshots go to target/dashboard/, or to
 * {@code -Dpactwatch.screenshots.dir} (docs/dashboard/ refreshes the committed ones).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_dash"))
@QuarkusTestResource(value = DashboardInfrastructure.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    static final String TRACKER = "ua-security-agreements";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String ROUND4_QUOTE = "Ukrainian and US negotiators held a fourth round of talks on the security agreement in Kyiv.";

    static KafkaProducer<String, String> producer;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers(), "linger.ms", "0"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
    }

    static void send(String articleId, String counterpart, EventType type, Integer round, String date, String sentence)
            throws Exception {
        String name = counterpart.equals("US") ? "United States" : "Japan";
        ExtractedEvent e = new ExtractedEvent(counterpart, name, type, round, LocalDate.parse(date), Certainty.CONFIRMED,
                0.9, new Evidence(sentence, 0, sentence.length(), "test"));
        ClassifiedArticle a = new ClassifiedArticle(articleId, 1, "Kyiv Ledger", "https://ledger.example/" + articleId,
                "Report " + articleId, null, Instant.parse(date + "T12:00:00Z"), true, 0.9, "test-1", Instant.now(),
                List.of(new TrackerVerdict(TRACKER, true, 0.9, List.of(e))));
        producer.send(new ProducerRecord<>(DashboardInfrastructure.CLASSIFIED, articleId, Json.write(a))).get();
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    static long events() {
        return given().get("/api/events?size=500").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    @Order(1)
    void storedEventsAreOnTheServerRenderedPage() throws Exception {
        send("us-talks", "US", EventType.TALKS_OPENED, null, "2024-01-16", "Ukraine and the United States opened talks on a security agreement.");
        send("us-r1", "US", EventType.ROUND, 1, "2024-02-05", "A first round of talks with the United States was held.");
        send("us-r2", "US", EventType.ROUND, 2, "2024-03-11", "The second round of US talks took place in Washington.");
        send("us-r3", "US", EventType.ROUND, 3, "2024-04-29", "A third round of talks with the US ended on Monday.");
        send("jp-talks", "JP", EventType.TALKS_OPENED, null, "2024-02-20", "Ukraine and Japan began negotiating a security accord.");
        send("jp-r1", "JP", EventType.ROUND, 1, "2024-03-25", "The first round of talks with Japan was held in Tokyo.");
        send("jp-signed", "JP", EventType.SIGNED, null, "2024-06-13", "Japan and Ukraine signed the security agreement.");
        await("7 stored events", () -> events() == 7);

        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract().asString();
        // No JavaScript needed: the timeline markers and the table are in the HTML, US markers oldest first.
        int talks = html.indexOf("data-label=\"Talks opened, United States\"");
        int r1 = html.indexOf("data-label=\"Round 1, United States\"");
        int r3 = html.indexOf("data-label=\"Round 3, United States\"");
        assertTrue(talks > 0 && talks < r1 && r1 < r3, "US markers in date order");
        assertEquals(7, html.split("<tr data-event-id=").length - 1, "one table row per event");
        assertTrue(html.contains("<time datetime=\"2024-06-13\">13 Jun 2024</time>"), "dated table rows");

        String filtered = given().queryParam("counterpart", "JP").queryParam("type", "SIGNED").get("/")
                .then().statusCode(200).extract().asString();
        assertEquals(1, filtered.split("<tr data-event-id=").length - 1, "filters apply server-side");
        assertTrue(filtered.contains("Signed, Japan") && !filtered.contains("United States</span>"), "only Japan");

        String id = given().get("/api/events?counterpart=US&type=ROUND").then().extract().jsonPath()
                .getString("items.find { it.round == 3 }.eventId");
        given().get("/events/" + id).then().statusCode(200)
                .body(allOf(containsString("A third round of talks with the US ended on Monday."), containsString("Round 3: United States")));
        given().get("/events/no-such-event").then().statusCode(404).body(containsString("There is no event"));
    }

    @Test
    @Order(2)
    void feedsPageShowsHealthAndThenThePollerUnreachable() {
        given().get("/feeds").then().statusCode(200).body(allOf(containsString("Kyiv Ledger"), containsString("Healthy"),
                containsString("Broken Wire"), containsString("Failing (6 errors in a row)"),
                containsString("HTTP 503 from wire.example"), containsString("1 failing"), not(containsString("Poller unreachable"))));
        DashboardInfrastructure.stopPoller();
        given().get("/feeds").then().statusCode(200).body(allOf(containsString("Poller unreachable"),
                not(containsString("Kyiv Ledger"))));
    }

    @Test
    @Order(3)
    void subscriptionsPageNeedsTheAdminTokenAndNeverShowsIt() {
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"channel\":\"slack\",\"target\":\"http://127.0.0.1:9/hooks/T000/B000/SECRETPATHX1\",\"counterparts\":[\"US\"]}")
                .post("/api/subscriptions").then().statusCode(201);
        given().redirects().follow(false).get("/admin/subscriptions").then().statusCode(303)
                .header("Location", containsString("/admin/login"));
        given().redirects().follow(false).cookie("pactwatch_admin", "4102444800.forged").get("/admin/subscriptions")
                .then().statusCode(303);
        given().redirects().follow(false).formParam("token", "wrong").post("/admin/login").then().statusCode(401)
                .body(containsString("not the admin token"));

        Response login = given().redirects().follow(false).formParam("token", "test-admin-token").post("/admin/login");
        assertEquals(303, login.statusCode());
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/admin"),
                setCookie);
        assertFalse(setCookie.contains("test-admin-token"), "the cookie does not carry the token");
        String page = given().redirects().follow(false).cookie("pactwatch_admin", login.getCookie("pactwatch_admin"))
                .get("/admin/subscriptions").then().statusCode(200).extract().asString();
        assertTrue(page.contains("slack") && page.contains("US") && page.contains("ACTIVE"), page);
        assertTrue(page.contains("127.0.0.1:9/…THX1") && !page.contains("SECRETPATH"), "webhook path masked");
        assertFalse(page.contains("test-admin-token"), "the page does not carry the token");
    }

    @Test
    @Order(4)
    void inChromiumTheTimelineIsOrderedUpdatesLiveAndShowsEvidence() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are needed: run deploy/local/chromium.sh (./pactwatch test does)");
        // In target/, beside the driver's log and the screenshots: mvn clean removes it, /tmp stays clean.
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Path shots = screenshotDir();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.manage().window().setSize(new Dimension(1280, 1000));
            long t0 = System.nanoTime();
            driver.get(root.toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.row[data-counterpart='US'] li.marker")));
            System.out.printf("[dashboard] page loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            // The stored events, in order.
            assertEquals(List.of("Talks opened, United States", "Round 1, United States", "Round 2, United States",
                    "Round 3, United States"), labels(driver, "US"));
            assertEquals(List.of("2024-01-16", "2024-02-05", "2024-03-11", "2024-04-29"), dates(driver, "US"));
            assertEquals(List.of("Talks opened, Japan", "Round 1, Japan", "Signed, Japan"), labels(driver, "JP"));
            assertEquals(7, driver.findElements(By.cssSelector("#live tbody tr")).size());

            // Live: wait for the SSE connection, then a new article through Kafka becomes a marker without reload.
            waiting(driver, "the live indicator to say Live (SSE connected)")
                    .until(d -> d.findElement(By.id("live-status")).getAttribute("class").contains("on"));
            assertEquals("Live", driver.findElement(By.cssSelector("#live-status .text")).getText());
            ((JavascriptExecutor) driver).executeScript("window.pactwatchSamePage = 'yes';");
            long sent = System.nanoTime();
            send("us-r4", "US", EventType.ROUND, 4, "2024-05-20", ROUND4_QUOTE);
            waiting(driver, "the new Round 4 marker to appear without reload").until(d -> labels(d, "US").contains("Round 4, United States"));
            System.out.printf("[dashboard] new event on screen %d ms after its article was sent to Kafka%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertEquals("yes", ((JavascriptExecutor) driver).executeScript("return window.pactwatchSamePage;"), "no reload");
            assertEquals(List.of("2024-01-16", "2024-02-05", "2024-03-11", "2024-04-29", "2024-05-20"), dates(driver, "US"));
            assertEquals(8, driver.findElements(By.cssSelector("#live tbody tr")).size());
            assertTrue(attributes(driver, "li.row[data-counterpart='US'] li.marker:last-child", "class").get(0)
                    .contains("new"), "the new marker is highlighted");
            waiting(driver, "the live region to announce Round 4")
                    .until(d -> d.findElement(By.id("announce")).getText().contains("Round 4, United States"));
            save(driver, shots, "timeline-desktop.png");

            // A click shows the evidence quote.
            WebElement round4 = driver.findElement(By.cssSelector("li.row[data-counterpart='US'] a[data-label='Round 4, United States']"));
            round4.click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence")));
            waiting(driver, "the evidence quote of Round 4 in the panel").until(d -> panel.getText().contains(ROUND4_QUOTE));
            assertTrue(panel.getText().contains("Round 4, United States"), panel.getText());
            assertEquals("evidence", driver.switchTo().activeElement().getAttribute("id"), "focus moves to the panel");
            save(driver, shots, "evidence-desktop.png");
            driver.findElement(By.cssSelector("#evidence .close")).click();
            wait.until(ExpectedConditions.invisibilityOf(panel));

            // The keyboard alone: Enter on a focused marker opens its evidence, Escape closes it and gives focus back.
            WebElement round1 = driver.findElement(By.cssSelector("li.row[data-counterpart='US'] a[data-label='Round 1, United States']"));
            round1.sendKeys(Keys.ENTER);
            waiting(driver, "the evidence of Round 1 after Enter")
                    .until(d -> panel.isDisplayed() && panel.getText().contains("A first round of talks with the United States was held."));
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(ExpectedConditions.invisibilityOf(panel));
            assertEquals("Round 1, United States", driver.switchTo().activeElement().getAttribute("data-label"),
                    "Escape returns focus to the marker");

            // Phone width.
            driver.manage().window().setSize(new Dimension(390, 844));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue() <= 400);
            long overflow = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
            assertTrue(overflow <= 0, "the page itself does not scroll sideways at phone width (" + overflow + " px)");
            // The whole page at phone width: a window as tall as the page, then back to a phone's height.
            long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(390, (int) Math.min(height + 200, 4000)));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerHeight;")).longValue() >= Math.min(height, 3700));
            save(driver, shots, "timeline-phone.png");
            driver.manage().window().setSize(new Dimension(390, 844));
            ((JavascriptExecutor) driver).executeScript("document.getElementById('timeline-h').scrollIntoView();");
            driver.findElement(By.cssSelector("li.row[data-counterpart='JP'] a[data-label='Signed, Japan']")).click();
            waiting(driver, "the evidence quote of Japan's signing in the panel")
                    .until(d -> d.findElement(By.id("evidence")).getText().contains("Japan and Ukraine signed the security agreement."));
            save(driver, shots, "evidence-phone.png");
        } finally {
            driver.quit();
        }
    }

    /** An explicit wait that names what it waited for when it times out. */
    static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting(ChromeDriver driver, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static List<String> labels(org.openqa.selenium.WebDriver d, String counterpart) {
        return attributes(d, "li.row[data-counterpart='" + counterpart + "'] li.marker a", "data-label");
    }

    static List<String> dates(org.openqa.selenium.WebDriver d, String counterpart) {
        return attributes(d, "li.row[data-counterpart='" + counterpart + "'] li.marker", "data-date");
    }

    /** Reads an attribute of every match in one script call: a live swap of the fragment can't make it stale halfway. */
    @SuppressWarnings("unchecked")
    static List<String> attributes(org.openqa.selenium.WebDriver d, String css, String attribute) {
        return (List<String>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]));",
                css, attribute);
    }

    static Path screenshotDir() throws Exception {
        // The committed screenshots are refreshed on request only, so a test run leaves the work tree clean.
        String wanted = System.getProperty("pactwatch.screenshots.dir");
        Path dir = wanted == null || wanted.isBlank() ? Path.of("target", "dashboard") : Path.of(wanted);
        return Files.createDirectories(dir);
    }

    static void save(ChromeDriver driver, Path dir, String name) throws Exception {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[dashboard] screenshot " + dir.resolve(name));
    }
}
