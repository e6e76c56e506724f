package cn.changjiang.mining.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import cn.changjiang.mining.common.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 通报 (docs/bulletin.md): its PDF's text, extracted with PDFBox, says the figures the API gives for the same
 * period, read here through other GraphQL fields than the bulletin reads them by (issueCounts rather than issues'
 * totals); the font is embedded; the HTML escapes what the ledger holds; and who may have it is checked in the
 * API's order. Run with {@code -Dbulletin.sample=docs/bulletin-sample.pdf} to write the sample PDF of the demo data.
 */
class BulletinTest extends IntegrationTest {

    private static final String HOSTILE = "<script>alert('通报')</script> & \"测试\"";
    private static final String PREFIX = "TEST-BULLETIN-";

    private static Driver fixtureDriver;
    private static String hostileId;

    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void clean(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, PREFIX);
        hostileId = null;
    }

    /** A problem titled with markup, reported, assigned and closed after acceptance today: newly 销号 in a period ending today. */
    private String hostileProblemClosedToday() {
        if (hostileId != null) {
            return hostileId;
        }
        String mine = graphQl.document("""
                        mutation($input: RegisterMineInput!) { registerMine(input: $input) { mine { id } } }""")
                .variable("input", Map.of("name", "通报测试矿(测试)", "licenseNumber", PREFIX + "0001", "mineral", "钨",
                        "township", "鲇鱼山镇"))
                .execute().path("registerMine.mine.id").entity(String.class).get();
        LocalDate today = LocalDate.now(clock);
        String id = graphQl.document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id title } } }""")
                .variable("input", Map.of("mineId", mine, "violationTypeCodes", List.of("T2.11"), "source", "PUBLIC_REPORT",
                        "foundOn", today.toString(), "title", HOSTILE, "description", "通报测试(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
        graphQl.document("mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }")
                .variable("input", Map.of("issueId", id, "leadUnit", "昌江生态环境局", "measures", "整改",
                        "deadline", today.plusDays(10).toString()))
                .execute().path("assignIssue.issue.id").hasValue();
        transition(id, "ACCEPTANCE_REQUESTED", Map.of());
        transition(id, "CLOSED", Map.of("acceptance", Map.of("acceptedBy", "昌江生态环境局(测试)",
                "acceptedOn", today.toString(), "evidence", List.of("验收报告"))));
        hostileId = id;
        return id;
    }

    private void transition(String id, String to, Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(extra);
        input.put("issueId", id);
        input.put("to", to);
        graphQl.document("mutation($input: TransitionIssueInput!) { transitionIssue(input: $input) { issue { status } } }")
                .variable("input", input).execute().path("transitionIssue.issue.status").entity(String.class).isEqualTo(to);
    }

    @Test
    void shouldSayInThePdfTheFiguresTheApiGivesForThePeriod() throws IOException {
        hostileProblemClosedToday();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = LocalDate.of(2023, 1, 1);
        HttpResponse<byte[]> response = get("/bulletin.pdf", from, today, null, token("office"));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");

        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the CJK font is embedded").isTrue();
            text = new PDFTextStripper().getText(pdf);
        }
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains("关于打击非法采矿专项整治工作进展情况的通报", "昌江区", "第1页/共");

        Map<String, Integer> counted = countsFor(from, today);
        assertThat(figure(flat, "本期新发现问题(\\d+)件")).as("found").isEqualTo(counted.get("found"));
        assertThat(figure(flat, "办结问题(\\d+)件")).as("finished").isEqualTo(counted.get("finished"));
        assertThat(figure(flat, "其中验收销号(\\d+)件")).as("closed").isEqualTo(counted.get("closed"));
        assertThat(figure(flat, "未结问题(\\d+)件")).as("open").isEqualTo(counted.get("open"));
        assertThat(figure(flat, "其中逾期(\\d+)件")).as("overdue").isEqualTo(counted.get("overdue"));
        assertThat(figure(flat, "挂牌督办未结问题(\\d+)件")).as("supervised").isEqualTo(counted.get("supervised"));
        assertThat(counted.get("closed")).as("the test's problem is closed in the period").isPositive();
        assertThat(counted.get("overdue")).as("the demo data has overdue problems").isPositive();

        // The units behind schedule are those the scorecards give overdue problems, every one named.
        List<Map<String, Object>> cards = graphQl.document("""
                        query($to: Date) { unitScorecards(to: $to) { unit { name } overdue } }""")
                .variable("to", today.toString()).execute().path("unitScorecards").entityList(MAP).get();
        List<String> behind = cards.stream().filter(c -> ((Number) c.get("overdue")).intValue() > 0)
                .map(c -> (String) ((Map<?, ?>) c.get("unit")).get("name")).toList();
        assertThat(behind).isNotEmpty();
        assertThat(flat).contains(behind.stream().map(n -> n.replaceAll("\\s+", "")).toList());

        // The longest overdue problem is listed first, with its days overdue.
        List<Map<String, Object>> overdue = graphQl.document("{ overdueIssues { title deadline } }").execute()
                .path("overdueIssues").entityList(MAP).get();
        LocalDate deadline = LocalDate.parse((String) overdue.getFirst().get("deadline"));
        String first = ((String) overdue.getFirst().get("title")).replaceAll("\\s+", "");
        assertThat(flat).contains(first.substring(0, Math.min(6, first.length())));
        assertThat(flat).contains(String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(deadline, today)));
    }

    @Test
    void shouldCountOnlyThePeriod() throws IOException {
        hostileProblemClosedToday();
        LocalDate today = LocalDate.now(clock);
        HttpResponse<byte[]> response = get("/bulletin.pdf", today, today, null, token("leader"));
        assertThat(response.statusCode()).isEqualTo(200);
        String flat;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        Map<String, Integer> counted = countsFor(today, today);
        assertThat(figure(flat, "本期新发现问题(\\d+)件")).isEqualTo(counted.get("found")).isPositive();
        assertThat(figure(flat, "其中验收销号(\\d+)件")).isEqualTo(counted.get("closed")).isPositive();
        assertThat(flat).contains("<script>alert('通报')</script>");
    }

    @Test
    void shouldEscapeTheLedgersTextInTheHtml() throws IOException {
        hostileProblemClosedToday();
        LocalDate today = LocalDate.now(clock);
        HttpResponse<byte[]> response = get("/bulletin.html", today, today, null, token("office"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;alert(&#39;通报&#39;)&lt;/script&gt; &amp; &quot;测试&quot;")
                .doesNotContain("<script");
        assertThat(html).contains("本期新销号的问题", "关于打击非法采矿专项整治工作进展情况的通报");
    }

    @Test
    void shouldRefuseWhoMayNotHaveIt() throws IOException {
        LocalDate today = LocalDate.now(clock);
        HttpResponse<byte[]> anonymous = get("/bulletin.pdf", today, today, null, null);
        assertRefused(anonymous, 401, "UNAUTHENTICATED");
        assertRefused(get("/bulletin.pdf", today, today, null, "not-a-token"), 401, "UNAUTHENTICATED");
        for (String user : List.of("police", "analyst", "publicity")) {
            assertRefused(get("/bulletin.html", today, today, null, token(user)), 403, "FORBIDDEN");
        }
        // The role is checked before the input: a refused role learns nothing about its dates.
        assertRefused(get("/bulletin.pdf", today, today.minusDays(1), null, token("analyst")), 403, "FORBIDDEN");
        assertThat(get("/bulletin.html", today, today, null, token("leader")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseBadInputAndJurisdictionsOutsideTheCallers() throws IOException {
        LocalDate today = LocalDate.now(clock);
        String office = token("office");
        HttpResponse<byte[]> reversed = get("/bulletin.pdf", today, today.minusDays(1), null, office);
        assertRefused(reversed, 400, "BAD_REQUEST");
        assertThat(body(reversed)).contains("\"argument\":\"from\"");
        assertRefused(send("/bulletin.pdf?from=2026-13-01&to=2026-12-31", office), 400, "BAD_REQUEST");
        assertRefused(send("/bulletin.html?to=2026-12-31", office), 400, "BAD_REQUEST");
        assertRefused(get("/bulletin.pdf", today, today, "JINGDEZHEN", office), 403, "FORBIDDEN");
        assertRefused(get("/bulletin.pdf", today, today, "NOWHERE", office), 404, "NOT_FOUND");
        // A city's leader may have the bulletin of a district of the city.
        HttpResponse<byte[]> city = get("/bulletin.html", today, today, "CHANGJIANG", token(Role.LEADER, "JINGDEZHEN"));
        assertThat(city.statusCode()).as(body(city)).isEqualTo(200);
        assertThat(body(city)).contains("昌江区");
    }

    /** Writes the sample of docs/ when asked to: the demo data's bulletin for the campaign's first two years. */
    @Test
    void shouldWriteTheSampleWhenAsked() throws IOException {
        String target = System.getProperty("bulletin.sample");
        if (target == null) {
            return;
        }
        HttpResponse<byte[]> response = get("/bulletin.pdf", LocalDate.of(2023, 4, 1), LocalDate.of(2024, 12, 31), null,
                token("office"));
        assertThat(response.statusCode()).isEqualTo(200);
        Files.write(Path.of(target), response.body());
    }

    /** The figures of a period as the API counts them by issueCounts and supervisedIssues. */
    private Map<String, Integer> countsFor(LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("found", sum(graphQl.document("""
                        query($from: Date, $to: Date) { issueCounts(groupBy: [STATUS], filter: {foundFrom: $from, foundTo: $to}) { count } }""")
                .variable("from", from.toString()).variable("to", to.toString()).execute()
                .path("issueCounts").entityList(MAP).get(), "count"));
        List<Map<String, Object>> now = graphQl.document("{ issueCounts(groupBy: [STATUS]) { open overdue } }").execute()
                .path("issueCounts").entityList(MAP).get();
        counts.put("open", sum(now, "open"));
        counts.put("overdue", sum(now, "overdue"));
        counts.put("finished", closedIn(null, from, to));
        counts.put("closed", closedIn("CLOSED", from, to));
        counts.put("supervised", graphQl.document("{ supervisedIssues { id } }").execute()
                .path("supervisedIssues").entityList(MAP).get().size());
        return counts;
    }

    /**
     * Problems (of a status, or all) closed in the period: from the counts by month closed for the months the period
     * covers whole, and day by day from the ledger's pages for a month it cuts.
     */
    private int closedIn(String status, LocalDate from, LocalDate to) {
        String filter = status == null ? "" : ", filter: {status: " + status + "}";
        int total = 0;
        List<Map<String, Object>> months = graphQl.document("{ issueCounts(groupBy: [CLOSED_MONTH]%s) { keys count } }"
                .formatted(filter)).execute().path("issueCounts").entityList(MAP).get();
        for (Map<String, Object> month : months) {
            Object key = ((List<?>) month.get("keys")).getFirst();
            if (key == null) {
                continue;
            }
            LocalDate first = LocalDate.parse(key + "-01");
            LocalDate last = first.plusMonths(1).minusDays(1);
            if (!first.isBefore(from) && !last.isAfter(to)) {
                total += ((Number) month.get("count")).intValue();
            } else if (!last.isBefore(from) && !first.isAfter(to)) {
                total += closedOnDays(status, first, last, from, to);
            }
        }
        return total;
    }

    /** The problems of a month cut by the period closed within both, read from the ledger's pages of finished problems. */
    private int closedOnDays(String status, LocalDate first, LocalDate last, LocalDate from, LocalDate to) {
        String filter = status == null ? "{open: false}" : "{status: " + status + "}";
        int count = 0;
        String after = null;
        while (true) {
            var page = graphQl.document("""
                            query($after: String) { issues(first: 100, after: $after, filter: %s) {
                              pageInfo { hasNextPage endCursor } edges { node { closedOn } } } }""".formatted(filter))
                    .variable("after", after).execute().path("issues").entity(MAP).get();
            for (Object edge : (List<?>) page.get("edges")) {
                Object closedOn = ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("closedOn");
                if (closedOn != null) {
                    LocalDate day = LocalDate.parse(closedOn.toString());
                    if (!day.isBefore(from) && !day.isAfter(to) && !day.isBefore(first) && !day.isAfter(last)) {
                        count++;
                    }
                }
            }
            Map<?, ?> pageInfo = (Map<?, ?>) page.get("pageInfo");
            if (!Boolean.TRUE.equals(pageInfo.get("hasNextPage"))) {
                return count;
            }
            after = (String) pageInfo.get("endCursor");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Map<String, Object>> MAP = (Class) Map.class;

    private static int sum(List<Map<String, Object>> groups, String field) {
        return groups.stream().mapToInt(g -> ((Number) g.get(field)).intValue()).sum();
    }

    private static int figure(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private HttpResponse<byte[]> get(String path, LocalDate from, LocalDate to, String jurisdiction, String token)
            throws IOException {
        String query = "?from=" + from + "&to=" + to
                + (jurisdiction == null ? "" : "&jurisdiction=" + URLEncoder.encode(jurisdiction, StandardCharsets.UTF_8));
        return send(path + query, token);
    }

    private HttpResponse<byte[]> send(String pathAndQuery, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).as(body(response)).isEqualTo(status);
        assertThat(body(response)).contains("\"code\":\"" + code + "\"");
    }
}
