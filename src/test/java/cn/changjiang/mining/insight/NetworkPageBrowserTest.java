package cn.changjiang.mining.insight;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import cn.changjiang.mining.HeadlessChromium;
import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network page in a real headless Chromium with no internet: sign in, search, draw a mine's accountability
 * network, check the drawing against the API's answer (node count and a screenshot that shows it), click a node to
 * expand it, and check that Cytoscape.js takes the API's {@code cytoscapeElements} as they are.
 */
class NetworkPageBrowserTest extends IntegrationTest {

    private static final String MINE = "demo-mine-01";

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(js, args);
    }

    private int drawnNodes() {
        return Integer.parseInt(browser.findElement(By.id("status")).getDomAttribute("data-nodes"));
    }

    private List<String> nodeIds(String query) {
        return graphQl.document(query).execute().path("view.nodes[*].id").entityList(String.class).get();
    }

    @Test
    void shouldDrawAMinesNetworkFoundBySearchAndExpandANodeOnClick() throws IOException {
        browser.get("http://localhost:" + port + "/network");
        browser.findElement(By.id("username")).sendKeys("office");
        browser.findElement(By.id("password")).sendKeys("demo-office");
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "office"));

        browser.findElement(By.id("search")).sendKeys("鲇鱼山钨矿");
        WebElement hit = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#hits li[data-id='Mine:" + MINE + "']")));
        hit.click();

        List<String> expected = nodeIds("{ view: mineNetwork(mineId: \"" + MINE + "\") { nodes { id } } }");
        assertThat(expected).hasSizeGreaterThan(5);
        wait.until(driver -> drawnNodes() == expected.size());

        byte[] png = browser.findElement(By.id("cy")).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/network-page.png"), png);
        assertThat(colouredShare(png)).as("share of the drawing that is not blank").isGreaterThan(0.005);

        String unit = expected.stream().filter(id -> id.startsWith("Unit:")).findFirst().orElseThrow();
        Set<String> afterExpanding = new HashSet<>(expected);
        afterExpanding.addAll(nodeIds("{ view: subgraph(rootId: \"" + unit + "\", depth: 1, limit: 100) { nodes { id } } }"));
        assertThat(afterExpanding).hasSizeGreaterThan(expected.size());
        ((JavascriptExecutor) browser).executeScript("cy.getElementById(arguments[0]).emit('tap')", unit);
        wait.until(driver -> drawnNodes() == afterExpanding.size());

        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) ((JavascriptExecutor) browser).executeScript("return cy.nodes().map(n => n.id())");
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(afterExpanding);
    }

    @Test
    void shouldLetCytoscapeTakeTheElementsAsTheApiReturnsThem() {
        Map<?, ?> elements = graphQl.document("{ view: unitPortfolio(unitId: \"POLICE\") { cytoscapeElements nodes { id } edges { id } } }")
                .execute().path("view.cytoscapeElements").entity(Map.class).get();
        int nodes = ((List<?>) elements.get("nodes")).size();
        int edges = ((List<?>) elements.get("edges")).size();
        assertThat(nodes).isGreaterThan(3);
        browser.get("http://localhost:" + port + "/network");
        @SuppressWarnings("unchecked")
        Map<String, Object> loaded = (Map<String, Object>) script("""
                const done = arguments[arguments.length - 1];
                const headless = cytoscape({ headless: true, elements: JSON.parse(arguments[0]) });
                done({ nodes: headless.nodes().length, edges: headless.edges().length,
                       dangling: headless.edges().filter(e => e.source().empty() || e.target().empty()).length });""",
                JsonMapper.builder().build().writeValueAsString(elements));
        assertThat(loaded).containsEntry("nodes", (long) nodes).containsEntry("edges", (long) edges)
                .containsEntry("dangling", 0L);
    }

    /** The share of pixels that differ from the background (white): nodes, edges and labels. */
    private static double colouredShare(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long coloured = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    coloured++;
                }
            }
        }
        return (double) coloured / ((long) image.getWidth() * image.getHeight());
    }
}
