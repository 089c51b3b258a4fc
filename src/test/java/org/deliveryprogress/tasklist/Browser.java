package org.deliveryprogress.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.deliveryprogress.support.Http;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver, both the installed ones (Debian's {@code chromium} and
 * {@code chromium-driver}): nothing is downloaded, Selenium Manager is never asked for a driver or a browser. Takes a
 * screenshot of each step under {@code target/screenshots/<test class>/}, numbered in the order taken.
 */
final class Browser implements AutoCloseable {

    /**
     * The language the browser is set to, as on an officer's computer: it decides how the browser writes dates
     * (15/12/2026 or 12/15/2026) and which day a calendar starts on. Chromium on Linux takes it from the environment
     * ({@code LANG}, {@code LANGUAGE}), its {@code --lang} switch and the languages it asks pages for.
     */
    enum Language {
        BRITISH_ENGLISH("en-GB", "en_GB"), AMERICAN_ENGLISH("en-US", "en_US");

        private final String tag;
        private final String posix;

        Language(String tag, String posix) {
            this.tag = tag;
            this.posix = posix;
        }

        String tag() {
            return tag;
        }
    }

    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;
    private static final int TALLEST_SCREENSHOT = 12_000;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path profile;
    private int step;

    /** A test that fails leaves a screenshot of what the officer saw then. */
    static TestWatcher screenshotOnFailure(Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                Browser failed = browser.get();
                if (failed != null) {
                    failed.screenshot("failed-" + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    /** Officers are in the UK: a browser in British English. */
    Browser(String testName) {
        this(testName, Language.BRITISH_ENGLISH);
    }

    Browser(String testName, Language language) {
        // Selenium's CDP classes are not used (forgetCookies goes through chromedriver); Selenium would only warn that
        // it has none for this (newer) Chromium.
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
        Logger.getLogger("org.openqa.selenium.chromium").setLevel(Level.SEVERE);
        // An explicit driver executable: Selenium Manager is not run, so it downloads no driver and no browser.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, ChromiumInstalled.CHROMEDRIVER.toString());
        screenshots = Path.of("target", "screenshots", testName);
        profile = Path.of("target", "chromium-profiles", testName + "-" + UUID.randomUUID()).toAbsolutePath();
        deleteRecursively(screenshots);
        try {
            Files.createDirectories(screenshots);
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumInstalled.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("LANG", language.posix + ".UTF-8", "LANGUAGE", language.posix + ":en",
                        "TZ", "Europe/London"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumInstalled.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile,
                "--lang=" + language.tag);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.tag + ",en"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Forgets every cookie of every site, whatever page is open (WebDriver's own deletes the open page's only). */
    /** The session cookie only, as if the session had expired on the server: the XSRF cookie stays. */
    void forgetSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
    }

    void forgetCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Signs in to the application's own pages (not Camunda's) as the demo user, anyone signed in before forgotten. */
    void signInToPages(String base, String user) {
        forgetCookies();
        open(base + "/login");
        signInHere(user);
        await("signed in as " + user, webDriver -> webDriver.getCurrentUrl().equals(base + "/"));
    }

    /** Signs in on the application's sign-in page, which the browser shows. */
    void signInHere(String user) {
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(Http.DEMO_PASSWORD, Keys.ENTER);
    }

    /** Waits until the condition answers something other than null or false, and answers that. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, PATIENCE, condition);
    }

    /**
     * Waits as {@link #await(String, Function)} does, as long as told. An element the page replaced while it was
     * being read is tried again, whether ChromeDriver says so as a stale element or, when the page changes under
     * the lookup itself, as an inspector error about a node that no longer belongs to the document (seen once in CI,
     * a page being opened again in the condition).
     */
    <T> T await(String what, Duration patience, Function<WebDriver, T> condition) {
        Function<WebDriver, T> replacedNodesTriedAgain = webDriver -> {
            try {
                return condition.apply(webDriver);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        try {
            return new WebDriverWait(driver, patience, Duration.ofMillis(150)).withMessage(what)
                    .ignoring(StaleElementReferenceException.class).until(replacedNodesTriedAgain);
        } catch (TimeoutException e) {
            screenshot("timed-out-waiting-for-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Saves a screenshot of the whole page as {@code <nn>-<step>.png}: the window grows for a moment to the height of
     * the tallest scrolled panel (Tasklist scrolls its form inside the page), so that the whole form is in the
     * picture.
     */
    Path screenshot(String stepName) {
        step++;
        Path file = screenshots.resolve(String.format("%02d-%s.png", step, stepName));
        long extra = ((Number) script("""
                let extra = 0;
                for (const element of document.querySelectorAll('*')) {
                  const overflow = getComputedStyle(element).overflowY;
                  if ((overflow === 'auto' || overflow === 'scroll')
                      && element.scrollHeight > element.clientHeight + 5) {
                    extra = Math.max(extra, element.scrollHeight - element.clientHeight);
                  }
                }
                return extra;""")).longValue();
        try {
            if (extra > 0) {
                driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(HEIGHT + extra + 60,
                        TALLEST_SCREENSHOT)));
                pause(400);
            }
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (extra > 0) {
                driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
                pause(200);
            }
        }
        return file;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
