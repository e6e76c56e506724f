package cn.changjiang.mining.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.IssueStatus;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the Cypher of every feature through Spring Data Neo4j's client, joining the caller's transaction when there is
 * one. One round trip per question: the batch methods answer a field for all parents of a GraphQL level at once
 * ({@code UNWIND $keys AS key ...}), so the number of queries per request depends on the shape of the document,
 * never on the size of the answer.
 * <p>
 * Every query gets the parameters of the shared status rules ({@link IssueStatus#CYPHER_PARAMETERS}: which
 * problems are open), so no Cypher spells them out.
 */
@Component
public class CypherRunner {

    private final Neo4jClient client;
    private final Counter roundTrips;
    /** Reads outside a write: read-only transactions, which a cluster routes to its secondaries. */
    private final TransactionTemplate reading;
    /** Writes outside a caller's transaction: each its own write transaction, on the leader. */
    private final TransactionTemplate writing;

    CypherRunner(Neo4jClient client, MeterRegistry meters, PlatformTransactionManager transactions) {
        this.client = client;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.roundTrips = Counter.builder("accountability.cypher.round-trips")
                .description("Cypher statements sent to Neo4j by the API")
                .register(meters);
    }

    /**
     * Rows of a query that returns one column {@code item}. Inside a transaction (a mutation's) it is a statement of
     * that transaction; otherwise it runs in a read-only transaction, routed to a secondary in a cluster and refused
     * by the database if it writes: a write outside a transaction goes through {@link #write}.
     */
    public <V> List<V> list(String cypher, Map<String, Object> params, Function<Value, V> mapper) {
        flushDeferred();
        roundTrips.increment();
        return items(cypher, params, mapper, reading);
    }

    /**
     * A statement that writes and returns one column {@code item}: in the caller's transaction when there is one,
     * otherwise in a write transaction of its own.
     */
    public <V> List<V> write(String cypher, Map<String, Object> params, Function<Value, V> mapper) {
        flushDeferred();
        roundTrips.increment();
        return items(cypher, params, mapper, writing);
    }

    /** {@link #write} of a statement that answers one row or none. */
    public <V> Optional<V> writeSingle(String cypher, Map<String, Object> params, Function<Value, V> mapper) {
        List<V> rows = write(cypher, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    @SuppressWarnings("unchecked")
    private <V> List<V> items(String cypher, Map<String, Object> params, Function<Value, V> mapper,
                              TransactionTemplate outsideTransaction) {
        PastTransaction past = PastTransaction.current();
        if (past != null) {
            return past.run(cypher, driverValues(withRules(params))).stream().map(r -> mapper.apply(r.get("item"))).toList();
        }
        return inTransaction(outsideTransaction, () -> List.copyOf(client.query(cypher).bindAll(withRules(params))
                .fetchAs((Class<V>) Object.class).mappedBy((types, record) -> mapper.apply(record.get("item")))
                .all()));
    }

    /** The work in the caller's transaction when there is one, else in one of {@code template}'s. */
    private static <T> T inTransaction(TransactionTemplate template, java.util.function.Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return template.execute(status -> work.get());
    }

    /**
     * {@link #list} for a cache shared by all requests and read again at most every few seconds (the jurisdiction
     * tree of {@code plan/Scopes}): not counted as a round trip, since it belongs to no request's shape; counting it
     * would make the per-request figure depend on when the cache last expired.
     */
    public <V> List<V> listForCache(String cypher, Map<String, Object> params, Function<Value, V> mapper) {
        return items(cypher, params, mapper, reading);
    }

    public <V> Optional<V> single(String cypher, Map<String, Object> params, Function<Value, V> mapper) {
        List<V> rows = list(cypher, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * A keyset page of the nodes with a label, ordered by their string {@code id}, with the total count, in one
     * round trip. The label comes from code, never from a client. The page is a range seek of the id's index in its
     * order (every id is greater than the empty string), so it costs the same on the first page of a million.
     */
    public <T> Connection<T> page(String label, String cursorKind, int first, String afterId, Function<Value, T> mapper,
                                  Function<T, String> idOf) {
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId == null ? "" : afterId);
        params.put("limit", first + 1);
        Value page = single("""
                MATCH (counted:%1$s) WITH count(counted) AS total
                OPTIONAL MATCH (n:%1$s) WHERE n.id > $after
                WITH total, n ORDER BY n.id LIMIT $limit
                WITH total, collect(n) AS rows
                RETURN {total: total, rows: rows} AS item""".formatted(label), params, v -> v).orElseThrow();
        List<T> rows = page.get("rows").asList(mapper::apply);
        return Connection.of(cursorKind, rows, first, afterId != null, page.get("total").asLong(), idOf);
    }

    /**
     * {@link #page(String, String, int, String, Function, Function)} of the nodes with a label whose {@code district}
     * is one of {@code districts} (a jurisdiction's scope): the count and the page start from the district index. The
     * rows are {@code row}, a Cypher expression over the page's node {@code n} (from code: the node itself, or the node
     * with related values read in the same statement), with its own {@code parameters}: still one round trip.
     */
    public <T> Connection<T> pageInDistricts(String label, String cursorKind, List<String> districts, int first,
                                             String afterId, String row, Map<String, ?> parameters,
                                             Function<Value, T> mapper, Function<T, String> idOf) {
        Map<String, Object> params = new HashMap<>(parameters);
        params.put("after", afterId == null ? "" : afterId);
        params.put("limit", first + 1);
        params.put("districts", districts);
        Value page = single("""
                MATCH (counted:%1$s) WHERE counted.district IN $districts WITH count(counted) AS total
                OPTIONAL MATCH (n:%1$s) WHERE n.id > $after AND n.district IN $districts
                WITH total, n ORDER BY n.id LIMIT $limit
                WITH total, collect(CASE WHEN n IS NOT NULL THEN %2$s END) AS rows
                RETURN {total: total, rows: rows} AS item""".formatted(label, row), params, v -> v).orElseThrow();
        List<T> rows = page.get("rows").asList(mapper::apply);
        return Connection.of(cursorKind, rows, first, afterId != null, page.get("total").asLong(), idOf);
    }

    /**
     * A filtered, sorted page of the nodes {@code n} that {@code matchWhere} finds, with the total, in one round trip;
     * its cursors are positions in that order, ties broken by {@code n.id}. The Cypher fragments come from code,
     * never from a client; a client's values travel as parameters.
     */
    public <T> Connection<T> sortedPage(String cursorKind, String matchWhere, String sortKey, boolean descending,
                                        Map<String, Object> params, int first, int offset, Function<Value, T> mapper) {
        return sortedPage(cursorKind, matchWhere, sortKey, descending, "n", params, first, offset, mapper);
    }

    /**
     * {@link #sortedPage(String, String, String, boolean, Map, int, int, Function)} whose rows are {@code row}, a
     * Cypher expression over the page's node {@code n} (from code), worked out for the page's rows only.
     */
    public <T> Connection<T> sortedPage(String cursorKind, String matchWhere, String sortKey, boolean descending, String row,
                                        Map<String, Object> params, int first, int offset, Function<Value, T> mapper) {
        return orderedPage(cursorKind, matchWhere, sortKey + (descending ? " DESC" : " ASC"), row, params, first, offset,
                mapper);
    }

    /**
     * A page of the nodes {@code n} that {@code matchWhere} finds, in the order {@code orderBy} (one or several keys
     * with their directions, from code; ties broken by {@code n.id}), with the total, in one round trip. Nothing
     * collects the whole match: the total is counted as the nodes stream by, and the page is the database's top
     * {@code offset + first} by the order, so a deep list of a province's problems stays within the transaction's
     * memory whatever it holds.
     */
    public <T> Connection<T> orderedPage(String cursorKind, String matchWhere, String orderBy, String row,
                                         Map<String, Object> params, int first, int offset, Function<Value, T> mapper) {
        Map<String, Object> withPaging = new HashMap<>(params);
        withPaging.put("offset", offset);
        withPaging.put("limit", first + 1);
        Value page = single("""
                CALL () {
                  %1$s
                  RETURN count(n) AS total
                }
                CALL () {
                  %1$s
                  WITH n ORDER BY %2$s, n.id SKIP $offset LIMIT $limit
                  RETURN collect(%3$s) AS rows
                }
                RETURN {total: total, rows: rows} AS item"""
                .formatted(matchWhere, orderBy, row), withPaging, v -> v).orElseThrow();
        return Connection.ofOffsets(cursorKind, page.get("rows").asList(mapper::apply), first, offset,
                page.get("total").asLong());
    }

    /**
     * Children of many parents in one query. The query gets {@code $keys} and returns {@code key} and
     * {@code items} (a list); parents with no row get an empty list.
     */
    public <P, V> Map<P, List<V>> many(Collection<P> parents, Function<P, ?> keyOf, String cypher,
                                       Function<Value, V> mapper) {
        return many(parents, keyOf, Map.of(), cypher, mapper);
    }

    /** {@link #many(Collection, Function, String, Function)} with more parameters than {@code $keys}. */
    public <P, V> Map<P, List<V>> many(Collection<P> parents, Function<P, ?> keyOf, Map<String, ?> parameters,
                                       String cypher, Function<Value, V> mapper) {
        Map<Object, List<V>> byKey = new HashMap<>();
        for (Map.Entry<Value, Value> row : rows(parents, keyOf, parameters, cypher, "items").entrySet()) {
            byKey.put(row.getKey().asObject(), row.getValue().asList(mapper::apply));
        }
        Map<P, List<V>> result = new LinkedHashMap<>();
        for (P parent : parents) {
            result.put(parent, byKey.getOrDefault(normalised(keyOf.apply(parent)), List.of()));
        }
        return result;
    }

    /** One child per parent in one query, which returns {@code key} and {@code item}; parents with none are left out. */
    public <P, V> Map<P, V> one(Collection<P> parents, Function<P, ?> keyOf, String cypher, Function<Value, V> mapper) {
        Map<Object, V> byKey = new HashMap<>();
        for (Map.Entry<Value, Value> row : rows(parents, keyOf, Map.of(), cypher, "item").entrySet()) {
            if (!row.getValue().isNull()) {
                byKey.put(row.getKey().asObject(), mapper.apply(row.getValue()));
            }
        }
        Map<P, V> result = new LinkedHashMap<>();
        for (P parent : parents) {
            V value = byKey.get(normalised(keyOf.apply(parent)));
            if (value != null) {
                result.put(parent, value);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private <P> Map<Value, Value> rows(Collection<P> parents, Function<P, ?> keyOf, Map<String, ?> parameters,
                                       String cypher, String column) {
        List<Object> keys = parents.stream().map(keyOf).distinct().map(k -> (Object) k).toList();
        Map<Value, Value> rows = new LinkedHashMap<>();
        flushDeferred();
        roundTrips.increment();
        PastTransaction past = PastTransaction.current();
        if (past != null) {
            Map<String, Object> all = withRules(parameters);
            all.put("keys", keys);
            past.run(cypher, driverValues(all)).forEach(r -> rows.put(r.get("key"), r.get(column)));
            return rows;
        }
        inTransaction(reading, () -> client.query(cypher).bindAll(withRules(parameters)).bind(keys).to("keys")
                .fetchAs((Class<Map.Entry<Value, Value>>) (Class<?>) Map.Entry.class)
                .mappedBy((types, record) -> Map.entry(record.get("key"), record.get(column)))
                .all())
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        return rows;
    }

    /**
     * A write whose answer nobody waits for (figures kept on write, an idempotency key's result), sent with the
     * transaction's other such writes in one statement: before the transaction's next statement, or when it commits;
     * outside a transaction, at once. {@code cypher} must be a statement that returns nothing (it is run as a unit
     * subquery, {@code CALL () { ... }}), in the order the writes were deferred. Any failure fails the commit, so the
     * writes still commit or roll back with the rest of the transaction.
     */
    public void defer(String cypher, Map<String, ?> params) {
        defer(cypher, params, false);
    }

    /**
     * {@link #defer} held back to the very end of the transaction: sent in the commit's statement, after every other
     * deferred write, never before a later statement of the transaction. For a write that takes a lock every writer
     * contends for (the change records' sequence counter): taken last and held only while the transaction commits,
     * it orders the transactions by commit and cannot be part of a deadlock.
     */
    public void deferUntilCommit(String cypher, Map<String, ?> params) {
        defer(cypher, params, true);
    }

    private void defer(String cypher, Map<String, ?> params, boolean untilCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || PastTransaction.current() != null) {
            runDeferred(List.of(new Deferred(cypher, withRules(params))));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending(new ArrayList<>(), new ArrayList<>());
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    flushDeferred(true);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CypherRunner.this);
                }
            });
        }
        (untilCommit ? pending.atCommit() : pending.now()).add(new Deferred(cypher, withRules(params)));
    }

    private record Deferred(String cypher, Map<String, Object> params) {
    }

    /** A transaction's deferred writes: those sent before its next statement, and those kept for its commit. */
    private record Pending(List<Deferred> now, List<Deferred> atCommit) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Sends the transaction's deferred writes, if any, in one statement (at its commit, those kept for it too). */
    private void flushDeferred() {
        flushDeferred(false);
    }

    private void flushDeferred(boolean committing) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            return;
        }
        List<Deferred> batch = new ArrayList<>(pending.now());
        pending.now().clear();
        if (committing) {
            batch.addAll(pending.atCommit());
            pending.atCommit().clear();
        }
        if (!batch.isEmpty()) {
            runDeferred(batch);
        }
    }

    /** The writes as unit subqueries of one statement, each with its parameters renamed apart. */
    private void runDeferred(List<Deferred> writes) {
        StringBuilder cypher = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int n = 0; n < writes.size(); n++) {
            String prefix = "w" + n + "_";
            Matcher parameter = PARAMETER.matcher(writes.get(n).cypher());
            cypher.append("CALL () {\n").append(parameter.replaceAll(m -> Matcher.quoteReplacement("$" + prefix + m.group(1))))
                    .append("\n}\n");
            writes.get(n).params().forEach((name, value) -> params.put(prefix + name, value));
        }
        roundTrips.increment();
        PastTransaction past = PastTransaction.current();
        if (past != null) {
            past.run(cypher.toString(), driverValues(params));
            return;
        }
        inTransaction(writing, () -> client.query(cypher.toString()).bindAll(params).run());
    }

    /**
     * Parameters as the driver takes them, for a statement sent to a {@link PastTransaction} rather than through
     * Spring Data's client: enums by name, the rest as they are.
     */
    private static Map<String, Object> driverValues(Map<String, Object> params) {
        Map<String, Object> converted = new HashMap<>();
        params.forEach((name, value) -> converted.put(name, driverValue(value)));
        return converted;
    }

    private static Object driverValue(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(CypherRunner::driverValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new HashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), driverValue(v)));
            return converted;
        }
        return value;
    }

    /** The caller's parameters with the status rules' ({@link IssueStatus#CYPHER_PARAMETERS}), which no caller overrides. */
    private static Map<String, Object> withRules(Map<String, ?> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(IssueStatus.CYPHER_PARAMETERS);
        return all;
    }

    /** Keys come back from Cypher as Long or String; make a Java Integer key compare equal to its Long. */
    private static Object normalised(Object key) {
        return Values.value(key).asObject();
    }
}
