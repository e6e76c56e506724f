package cn.changjiang.mining.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real headless Chromium that can resolve no host but localhost, as on an offline intranet: the
 * page must load every asset from the app and run its example query. Skips (saying so) where Debian's
 * chromium and chromium-driver are not installed; CI installs them.
 */
class GraphiqlOfflineBrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: no Chromium here (apt-get install chromium chromium-driver); CI installs it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                // No network beyond this machine: any CDN request fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldRunTheExampleQueryFromThePageWithNoInternet() {
        browser.get("http://localhost:" + port + "/graphiql");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
        wait.until(driver -> resultText(driver).contains("responsibilities"));

        String result = resultText(browser);
        assertThat(result).contains("\"responsibilities\"").contains("昌江公安分局").doesNotContain("\"errors\"");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).isNotEmpty()
                .allMatch(url -> url.startsWith("http://localhost:" + port + "/") || url.startsWith("data:"));
    }

    private static String resultText(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const r = document.querySelector('.graphiql-response .CodeMirror');"
                        + "return r && r.CodeMirror ? r.CodeMirror.getValue() : (document.querySelector('.result-window') || {}).innerText || '';");
    }
}
