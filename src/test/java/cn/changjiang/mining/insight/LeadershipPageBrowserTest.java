package cn.changjiang.mining.insight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import cn.changjiang.mining.HeadlessChromium;
import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership page in a real headless Chromium with no internet: sign in as the leader, wait for the charts, and
 * check every chart's plotted figures against the API's own answers to the same user; then drill from a unit to a
 * problem to its chain and compare the drawn tree with {@code accountabilityChain}; then choose a date and check a
 * chart against the API's answer as of the end of that day.
 */
class LeadershipPageBrowserTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebDriver browser;
    private WebDriverWait wait;
    private HttpGraphQlTester leader;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1400, 2300));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        leader = as("leader");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** A value computed in the page, passed back as JSON so that numbers and nesting arrive as the page has them. */
    private Object pageJson(String expression) {
        return JSON.readValue((String) js("return JSON.stringify(" + expression + ")"), Object.class);
    }

    private int loaded() {
        return Integer.parseInt(browser.findElement(By.id("status")).getDomAttribute("data-loaded"));
    }

    private void screenshot(String name, By element) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/leadership-" + name + ".png"), browser.findElement(element).getScreenshotAs(OutputType.BYTES));
    }

    /** The figures a progress chart plots per key: [finished, open not overdue, overdue]. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Integer>> plottedProgress(String chartId) {
        List<String> keys = (List<String>) pageJson("JSON.parse(document.getElementById('" + chartId + "').dataset.keys)");
        List<List<Integer>> series = (List<List<Integer>>) pageJson("echarts.getInstanceByDom(document.getElementById('"
                + chartId + "')).getOption().series.map(s => s.data)");
        Map<String, List<Integer>> plotted = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            plotted.put(String.valueOf(keys.get(i)), List.of(series.get(0).get(i), series.get(1).get(i), series.get(2).get(i)));
        }
        return plotted;
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Integer>> apiProgress(String dimension, String asOf) {
        List<Map<String, Object>> groups = leader.document("{ g: issueCounts(groupBy: [" + dimension + "]"
                        + (asOf == null ? "" : ", asOf: \"" + asOf + "\"") + ") { keys count open overdue } }")
                .execute().path("g").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (Map<String, Object> g : groups) {
            int count = (Integer) g.get("count");
            int open = (Integer) g.get("open");
            int overdue = (Integer) g.get("overdue");
            expected.put(String.valueOf(((List<?>) g.get("keys")).get(0)), List.of(count - open, open - overdue, overdue));
        }
        return expected;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowTheApisFiguresAndDrillFromAUnitToAProblemToItsChain() throws IOException {
        String origin = "http://localhost:" + port;
        browser.get(origin + "/leadership");
        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys("demo-leader");
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "leader"));
        wait.until(driver -> loaded() >= 1 || browser.findElement(By.id("status")).getDomAttribute("class") != null);
        assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).as(browser.findElement(By.id("status")).getText())
                .isNullOrEmpty();

        // Every asset from this app (Chromium here resolves no other host), and ECharts among them.
        assertThat(js("return echarts.version")).isEqualTo("5.3.1");
        List<String> requested = (List<String>) pageJson("performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).isNotEmpty().allMatch(url -> url.startsWith(origin + "/"));
        assertThat(requested).anyMatch(url -> url.endsWith("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        // Nothing went wrong in the console (the browser's own favicon request aside): no script error, no CSP refusal.
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> !message.contains("favicon.ico")).toList();
        assertThat(severe).isEmpty();

        // Progress by phase and by task: finished, open, overdue per key, as issueCounts counts them.
        Map<String, List<Integer>> byPhase = apiProgress("PHASE", null);
        assertThat(byPhase).isNotEmpty();
        assertThat(plottedProgress("chart-phase")).isEqualTo(byPhase);
        Map<String, List<Integer>> byTask = apiProgress("TASK", null);
        assertThat(byTask).hasSizeGreaterThan(1);
        assertThat(plottedProgress("chart-task")).isEqualTo(byTask);

        // Units ranked by overdue, then closed on time; each bar as the unit's scorecard has it.
        List<Map<String, Object>> scorecards = leader.document(
                        "{ unitScorecards { unit { id } assigned overdue closedOnTime } }")
                .execute().path("unitScorecards").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m)
                .filter(s -> (Integer) s.get("assigned") > 0).toList();
        assertThat(scorecards).isNotEmpty();
        Map<String, List<Integer>> expectedUnits = new LinkedHashMap<>();
        scorecards.forEach(s -> expectedUnits.put((String) ((Map<?, ?>) s.get("unit")).get("id"),
                List.of((Integer) s.get("overdue"), (Integer) s.get("closedOnTime"))));
        List<List<Object>> bars = (List<List<Object>>) pageJson("echarts.getInstanceByDom(document.getElementById('chart-units'))"
                + ".getOption().series[0].data.map((d, i, all) => [d.unitId, d.value])");
        List<List<Object>> onTime = (List<List<Object>>) pageJson("echarts.getInstanceByDom(document.getElementById('chart-units'))"
                + ".getOption().series[1].data.map(d => [d.unitId, d.value])");
        Map<String, List<Integer>> plottedUnits = new LinkedHashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            assertThat(onTime.get(i).get(0)).isEqualTo(bars.get(i).get(0));
            plottedUnits.put((String) bars.get(i).get(0), List.of((Integer) bars.get(i).get(1), (Integer) onTime.get(i).get(1)));
        }
        assertThat(plottedUnits).isEqualTo(expectedUnits);
        List<String> ranked = (List<String>) pageJson("JSON.parse(document.getElementById('chart-units').dataset.units)");
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(expectedUnits.get(ranked.get(i - 1)).get(0)).isGreaterThanOrEqualTo(expectedUnits.get(ranked.get(i)).get(0));
        }

        // 挂牌督办, in the API's order.
        List<String> supervised = leader.document("{ supervisedIssues { id } }").execute()
                .path("supervisedIssues[*].id").entityList(String.class).get();
        assertThat(pageJson("Array.from(document.querySelectorAll('#supervised tbody tr[data-issue]')).map(r => r.dataset.issue)"))
                .isEqualTo(supervised);

        // 联合执法 candidates, each at its mine with the number of departments it needs.
        List<Map<String, Object>> candidates = leader.document("""
                        { jointEnforcementCandidates(first: 100) { totalCount edges { node { mine { id location { latitude } } departmentCount } } } }""")
                .execute().path("jointEnforcementCandidates.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).filter(c -> ((Map<?, ?>) c.get("mine")).get("location") != null).toList();
        assertThat(candidates).isNotEmpty();
        List<List<Object>> expectedCandidates = candidates.stream()
                .map(c -> List.<Object>of(((Map<?, ?>) c.get("mine")).get("id"), c.get("departmentCount"))).toList();
        assertThat(pageJson("echarts.getInstanceByDom(document.getElementById('chart-map')).getOption().series[2].data"
                + ".map(d => [d.id, d.value[2]])")).isEqualTo(expectedCandidates);
        assertThat((List<?>) pageJson("echarts.getInstanceByDom(document.getElementById('chart-map')).getOption().series[1].data"))
                .as("townships drawn").isNotEmpty();
        screenshot("overview", By.tagName("body"));

        // Drill: the unit with the most overdue problems, its problems, the first one's chain.
        String unit = ranked.get(0);
        browser.findElement(By.cssSelector("#unit-list button[data-unit='" + unit + "']")).click();
        wait.until(driver -> unit.equals(browser.findElement(By.id("unit-issues")).getDomAttribute("data-unit")));
        List<Map<String, Object>> unitIssues = leader.document("""
                        query($unit: String) { issues(first: 100, filter: {unit: $unit}, orderBy: {field: DEADLINE, direction: ASC}) {
                            edges { node { id overdue } } } }""").variable("unit", unit)
                .execute().path("issues.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        List<String> unitIssueIds = unitIssues.stream().map(i -> (String) i.get("id")).toList();
        assertThat(unitIssues).isNotEmpty();
        assertThat(pageJson("Array.from(document.querySelectorAll('#unit-issues tbody tr')).map(r => r.dataset.issue)"))
                .isEqualTo(unitIssueIds);
        // An overdue one if there is one: the question a meeting asks.
        String issue = unitIssues.stream().filter(i -> Boolean.TRUE.equals(i.get("overdue"))).map(i -> (String) i.get("id"))
                .findFirst().orElse(unitIssueIds.get(0));
        browser.findElement(By.cssSelector("#unit-issues tbody tr[data-issue='" + issue + "']")).click();
        wait.until(driver -> issue.equals(browser.findElement(By.id("chart-chain")).getDomAttribute("data-issue")));

        List<Map<String, Object>> chain = leader.document("query($id: ID!) { accountabilityChain(issueId: $id) { level kind id name grounds } }")
                .variable("id", issue).execute().path("accountabilityChain").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(chain).hasSizeGreaterThan(3);
        List<String> expectedLinks = chain.stream().map(l -> l.get("kind") + ":" + l.get("id")).toList();
        // The tree as drawn: the problem at the root, then each level's branch, its links in order.
        Map<String, Object> root = (Map<String, Object>) pageJson(
                "echarts.getInstanceByDom(document.getElementById('chart-chain')).getOption().series[0].data[0]");
        List<String> drawn = new ArrayList<>();
        drawn.add((String) root.get("link"));
        List<Integer> levels = new ArrayList<>();
        for (Object branch : (List<?>) root.get("children")) {
            levels.add((Integer) ((Map<?, ?>) branch).get("level"));
            for (Object leaf : (List<?>) ((Map<?, ?>) branch).get("children")) {
                drawn.add((String) ((Map<?, ?>) leaf).get("link"));
                assertThat(((Map<?, ?>) leaf).get("grounds")).isEqualTo(chain.get(drawn.size() - 1).get("grounds") == null
                        ? "" : chain.get(drawn.size() - 1).get("grounds"));
            }
        }
        assertThat(drawn).isEqualTo(expectedLinks);
        assertThat(levels).isSorted().doesNotHaveDuplicates();
        // The side list quotes each link's grounds.
        assertThat(pageJson("Array.from(document.querySelectorAll('#chain-grounds li')).map(li => li.dataset.link)"))
                .isEqualTo(expectedLinks);
        String quoted = chain.stream().map(l -> (String) l.get("grounds")).filter(g -> g != null && !g.isBlank()).findFirst().orElseThrow();
        assertThat(browser.findElement(By.id("chain-grounds")).getText()).contains(quoted);
        screenshot("drill", By.id("drill-section"));
        screenshot("chain", By.id("chain-section"));

        // As of the end of yesterday (Asia/Shanghai): every panel reads again with asOf; the phase chart is the API's
        // answer as of that moment.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String asOf = yesterday + "T23:59:59+08:00";
        int before = loaded();
        js("window.sent = []; const send = window.fetch; window.fetch = (url, init) => { if (url === '/graphql') sent.push(JSON.parse(init.body)); return send(url, init); }");
        js("const input = document.getElementById('as-of'); input.value = arguments[0]; input.dispatchEvent(new Event('change'))",
                yesterday.toString());
        wait.until(driver -> loaded() > before || browser.findElement(By.id("status")).getDomAttribute("class") != null);
        assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).as(browser.findElement(By.id("status")).getText())
                .isNullOrEmpty();
        assertThat(browser.findElement(By.id("status")).getDomAttribute("data-as-of")).isEqualTo(asOf);
        assertThat(plottedProgress("chart-phase")).isEqualTo(apiProgress("PHASE", asOf));
        // Every read of the ledger passed that moment (the mines' places are read as they are now), and none after 当前 / now.
        List<Map<String, Object>> sent = (List<Map<String, Object>>) pageJson("sent");
        assertThat(sent).extracting(body -> ((String) body.get("query")).split("[ ({]")[1])
                .contains("LeadershipProgress", "LeadershipScorecards", "LeadershipSupervised", "LeadershipCandidates", "LeadershipMines");
        for (Map<String, Object> body : sent) {
            String query = (String) body.get("query");
            Object passed = ((Map<?, ?>) body.getOrDefault("variables", Map.of())).get("asOf");
            if (query.startsWith("query LeadershipMines")) {
                assertThat(passed).as(query).isNull();
            } else {
                assertThat(passed).as(query).isEqualTo(asOf);
                assertThat(query).contains("asOf: $asOf");
            }
        }
        int dated = loaded();
        js("sent.length = 0; document.getElementById('as-of-clear').click()");
        wait.until(driver -> loaded() > dated);
        assertThat((List<Map<String, Object>>) pageJson("sent")).isNotEmpty()
                .allSatisfy(body -> assertThat((String) body.get("query")).doesNotContain("asOf"));
        assertThat(plottedProgress("chart-phase")).isEqualTo(byPhase);
    }
}
