package dev.dispatchsim.tests.ui.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium from Debian's packages, driven by Selenium through chromium-driver. Both paths are given,
 * so Selenium Manager never runs; the flags keep Chromium off the network and out of the sandbox it cannot
 * have as root. Every wait is by observation (WebDriverWait), never a sleep; the console is read for errors.
 */
public final class Browser implements AutoCloseable {

    /** Long enough for a loaded 2-core machine; a wait returns as soon as what it waits for is there. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profileDir;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    public static Browser open() {
        Path chromium = Path.of(System.getProperty("dispatchsim.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("dispatchsim.chromedriver", "/usr/bin/chromedriver"));
        List<String> missing = Stream.of(chromium, chromedriver).filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver; missing: " + missing
                    + ". Install them (apt-get install chromium chromium-driver) or skip these tests with -DskipBrowser");
        }
        try {
            Path profileDir = Files.createTempDirectory("dispatchsim-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1500,1400", "--user-data-dir=" + profileDir);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profileDir);
        } catch (IOException noTempDir) {
            throw new UncheckedIOException(noTempDir);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until {@code condition} gives something other than null or false; the failure names {@code what}. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
        } catch (TimeoutException timedOut) {
            throw new AssertionError("the page did not show " + what + " within " + WAIT.toSeconds() + " s; console: "
                    + consoleText() + "; page: " + driver.getCurrentUrl(), timedOut);
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** The console's errors (level SEVERE) since the browser opened. */
    public List<String> consoleErrors() {
        readConsole();
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** A screenshot kept as a build artifact: {@code target/ui-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("dispatchsim.screenshots", "target/ui-screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profileDir);
        }
    }

    private void readConsole() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    private String consoleText() {
        readConsole();
        return console.isEmpty() ? "(empty)" : console.toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is not worth failing a test for
        }
    }
}
