package cn.changjiang.mining.bulletin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.changjiang.mining.common.CampaignTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The bulletin's figures, read through the public GraphQL API in process: the registered documents
 * {@code trusted-documents/10-bulletin-figures.graphql} and {@code 11-bulletin-closed.graphql} run through the same
 * handler as {@code POST /graphql}, with the caller's own bearer token, so the same interceptors (the viewer, error
 * codes), limits, read policy and scope apply as to any client, and trusted-documents mode lets them through. The
 * period's end figures are those of the moment of generation.
 */
@Component
class BulletinReads {

    /** How many of the longest overdue problems a bulletin lists. */
    static final int MOST_OVERDUE = 10;
    /** The most problems closed after acceptance a bulletin reads, page by page, to find those of its period. */
    static final int MAX_CLOSED_READ = 20_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final WebGraphQlHandler handler;
    private final String figuresDocument;
    private final String closedDocument;

    BulletinReads(WebGraphQlHandler handler) {
        this.handler = handler;
        this.figuresDocument = document("10-bulletin-figures.graphql");
        this.closedDocument = document("11-bulletin-closed.graphql");
    }

    private static String document(String name) {
        try {
            // Stripped, as the trusted-documents check compares them.
            return new ClassPathResource("trusted-documents/" + name).getContentAsString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bulletin of {@code jurisdiction} (already checked to be in the caller's scope) for {@code [from, to]}. */
    Bulletin read(String jurisdiction, LocalDate from, LocalDate to, LocalDate today, HttpServletRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("from", from.toString());
        variables.put("to", to.toString());
        variables.put("jurisdiction", jurisdiction);
        variables.put("place", jurisdiction);
        Map<String, Object> data = run(figuresDocument, variables, request);

        Map<String, Object> place = map(data.get("place"));
        String name = place == null ? jurisdiction : string(place, "name");
        int found = integer(map(data.get("found")), "totalCount");
        int open = integer(map(data.get("open")), "totalCount");
        Map<String, Object> overdueConnection = map(data.get("overdue"));
        int overdue = integer(overdueConnection, "totalCount");
        int finished = list(data.get("finished")).stream().mapToInt(p -> integer(map(p), "closed")).sum();
        int closed = list(data.get("closed")).stream().mapToInt(p -> integer(map(p), "closed")).sum();
        int supervised = list(data.get("supervisedIssues")).size();

        List<Bulletin.OverdueProblem> mostOverdue = new ArrayList<>();
        for (Object edge : list(overdueConnection.get("edges"))) {
            Map<String, Object> node = map(map(edge).get("node"));
            LocalDate deadline = date(node, "deadline");
            mostOverdue.add(new Bulletin.OverdueProblem(string(node, "id"), string(node, "title"), mineName(node),
                    leadUnit(node), deadline, deadline == null ? 0 : ChronoUnit.DAYS.between(deadline, today)));
        }

        List<Bulletin.Action> actions = new ArrayList<>();
        int actionsOpened = 0;
        int actionsClosed = 0;
        for (Object item : list(data.get("jointEnforcementActions"))) {
            Map<String, Object> action = map(item);
            LocalDate openedOn = day(string(action, "openedAt"));
            LocalDate closedOn = day(string(action, "closedAt"));
            boolean openedIn = within(openedOn, from, to);
            boolean closedIn = within(closedOn, from, to);
            actionsOpened += openedIn ? 1 : 0;
            actionsClosed += closedIn ? 1 : 0;
            if (openedIn || closedIn) {
                Map<String, Object> lead = map(action.get("leadUnit"));
                actions.add(new Bulletin.Action(string(action, "id"), string(action, "status"), mineName(action),
                        lead == null ? null : string(lead, "name"), date(action, "plannedOn"), openedOn, closedOn));
            }
        }
        actions.sort(Comparator.comparing(Bulletin.Action::openedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Bulletin.Action::id));

        List<Bulletin.UnitRow> unitsBehind = new ArrayList<>();
        for (Object item : list(data.get("unitScorecards"))) {
            Map<String, Object> card = map(item);
            Map<String, Object> unit = map(card.get("unit"));
            Bulletin.UnitRow row = new Bulletin.UnitRow(string(unit, "id"), string(unit, "name"), integer(card, "assigned"),
                    integer(card, "open"), integer(card, "overdue"), integer(card, "closedOnTime"), integer(card, "closedLate"));
            if (row.overdue() > 0) {
                unitsBehind.add(row);
            }
        }
        unitsBehind.sort(Comparator.comparingInt(Bulletin.UnitRow::overdue).reversed()
                .thenComparing(Comparator.comparingInt(Bulletin.UnitRow::open).reversed())
                .thenComparing(Bulletin.UnitRow::id));

        return new Bulletin(jurisdiction, name, from, to, today,
                new Bulletin.Figures(found, finished, closed, open, overdue, supervised, actionsOpened, actionsClosed),
                mostOverdue, newlyClosed(jurisdiction, from, to, request), actions, unitsBehind);
    }

    /** The problems closed after acceptance in the period, latest first, read from every page of the closed ones. */
    private List<Bulletin.ClosedProblem> newlyClosed(String jurisdiction, LocalDate from, LocalDate to,
                                                     HttpServletRequest request) {
        List<Bulletin.ClosedProblem> closed = new ArrayList<>();
        String after = null;
        for (int read = 0; read < MAX_CLOSED_READ; ) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            variables.put("jurisdiction", jurisdiction);
            Map<String, Object> page = map(run(closedDocument, variables, request).get("issues"));
            List<Object> edges = list(page.get("edges"));
            for (Object edge : edges) {
                Map<String, Object> node = map(map(edge).get("node"));
                LocalDate closedOn = date(node, "closedOn");
                if (within(closedOn, from, to)) {
                    closed.add(new Bulletin.ClosedProblem(string(node, "id"), string(node, "title"), mineName(node),
                            leadUnit(node), date(node, "foundOn"), closedOn));
                }
            }
            read += edges.size();
            Map<String, Object> pageInfo = map(page.get("pageInfo"));
            if (edges.isEmpty() || !Boolean.TRUE.equals(pageInfo.get("hasNextPage"))) {
                break;
            }
            after = string(pageInfo, "endCursor");
        }
        closed.sort(Comparator.comparing(Bulletin.ClosedProblem::closedOn).reversed()
                .thenComparing(Bulletin.ClosedProblem::id));
        return closed;
    }

    /** One document through the GraphQL handler as the caller; its first error, if any, refuses the bulletin. */
    private Map<String, Object> run(String document, Map<String, Object> variables, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(URI.create(request.getRequestURL().toString()), headers,
                new LinkedMultiValueMap<>(), new HashMap<>(), body, UUID.randomUUID().toString(),
                request.getLocale() == null ? Locale.getDefault() : request.getLocale());
        // Subscribed on this thread, so the interceptors read the viewer from this request's security context.
        WebGraphQlResponse response = handler.handleRequest(graphQlRequest).block(TIMEOUT);
        if (response == null) {
            throw new BulletinException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "No answer from the GraphQL API");
        }
        if (!response.getErrors().isEmpty()) {
            ResponseError error = response.getErrors().getFirst();
            Object code = error.getExtensions().get("code");
            String text = code == null ? "INTERNAL_ERROR" : code.toString();
            throw new BulletinException(status(text), text, error.getMessage());
        }
        Map<String, Object> data = response.getData();
        if (data == null) {
            throw new BulletinException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The GraphQL API answered no data");
        }
        return data;
    }

    static HttpStatus status(String code) {
        return switch (code) {
            case "UNAUTHENTICATED" -> HttpStatus.UNAUTHORIZED;
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "BAD_REQUEST", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED" -> HttpStatus.BAD_REQUEST;
            case "UNAVAILABLE", "TRANSACTION_TIMED_OUT", "TRANSACTION_MEMORY_EXCEEDED" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The day (in the campaign's time zone) of an ISO-8601 instant; null for none. */
    static LocalDate day(String instant) {
        return instant == null ? null : LocalDate.ofInstant(Instant.parse(instant), CampaignTime.ZONE);
    }

    private static String mineName(Map<String, Object> node) {
        Map<String, Object> mine = map(node.get("mine"));
        return mine == null ? null : string(mine, "name");
    }

    /** The lead unit's name (the first assignment is the lead's, as the API orders them), or null. */
    private static String leadUnit(Map<String, Object> node) {
        for (Object item : list(node.get("assignments"))) {
            Map<String, Object> assignment = map(item);
            if ("LEAD".equals(assignment.get("role"))) {
                return string(map(assignment.get("unit")), "name");
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value == null ? null : value.toString();
    }

    private static int integer(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number number ? number.intValue() : 0;
    }

    private static LocalDate date(Map<String, Object> map, String key) {
        String value = string(map, key);
        return value == null ? null : LocalDate.parse(value);
    }
}
