package cn.changjiang.mining.web;

import java.time.Duration;
import java.util.List;

import cn.changjiang.mining.HeadlessChromium;
import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real headless Chromium that can resolve no host but localhost, as on an offline intranet: the
 * page must load every asset from the app and run its example query.
 */
class GraphiqlOfflineBrowserTest extends IntegrationTest {

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
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
