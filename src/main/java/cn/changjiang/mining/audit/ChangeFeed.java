package cn.changjiang.mining.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.CypherRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Every committed change record, from the database, whichever instance made it: this instance follows the records'
 * {@code sequence} (commit order, no gaps, see {@link AuditTrail}) by reading the ones after the last it passed on,
 * every {@code poll-interval}, from the sequence's index, in a read transaction (on a cluster, a secondary's). Each
 * subscriber hears each change once and in commit order, about a poll interval after it commits; one that gives the
 * last sequence it heard first gets every record after it, then the live ones, with none lost or repeated.
 * <p>
 * Since the numbers have no gaps, a subscriber knows what it has not seen: it takes the shared poll's records while
 * each is the next number, and reads any gap from the database itself, page by page at its own pace. So a
 * subscriber that is slow (a unit officer's, checking each record against what it may read) keeps only the newest
 * record the poll passed it while busy, and reads what it skipped afterwards: memory stays bounded, and nothing is
 * lost or ends with an overflow. Nothing is polled while no one subscribes: the first subscriber starts the polling
 * at the last record there is, the last one to leave stops it. Neo4j's change data capture (Enterprise, Aura) would
 * spare the polling; this works on every edition.
 */
@Component
public class ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    static final String AFTER = """
            MATCH (c:Change) WHERE c.seq > $after
            RETURN c AS item ORDER BY c.seq LIMIT $limit""";
    static final String LAST = "OPTIONAL MATCH (s:ChangeSequence {id: 'changes'}) RETURN coalesce(s.last, 0) AS item";

    private final CypherRunner graph;
    private final Duration interval;
    private final int batch;
    private final Flux<Change> live;

    ChangeFeed(CypherRunner graph,
               @Value("${accountability.changes.poll-interval:200ms}") Duration interval,
               @Value("${accountability.changes.batch:500}") int batch) {
        this.graph = graph;
        this.interval = interval;
        this.batch = batch;
        this.live = Flux.defer(this::follow).publish().refCount();
    }

    /** The records committed from now on. */
    public Flux<Change> changes() {
        return changesAfter(null);
    }

    /**
     * The records after {@code after} (a sequence a subscriber heard last), then those committed from now on; from
     * now on when {@code after} is null. An {@code after} beyond the last record there is was not given out here
     * (or the database was restored to an earlier state): refused.
     */
    public Flux<Change> changesAfter(Long after) {
        return Flux.defer(() -> {
            long now = last();
            if (after != null && after > now) {
                return Flux.error(new InvalidInputException("after",
                        "after is beyond the last change recorded (" + now + "): resubscribe without it"));
            }
            AtomicLong heard = new AtomicLong(after == null ? now : after);
            // The shared poll is listened to first (a poll that starts now starts at the last record there is), and
            // while this subscriber is busy it keeps only the newest record. Then the catch-up reads from the database
            // what came before; any later record that is not the next number reads what it leaves out.
            return Flux.merge(live.onBackpressureLatest(), Mono.just(CATCH_UP))
                    .concatMap(next -> next == CATCH_UP || next.sequence() > heard.get() + 1
                            ? backlog(heard)
                            : next.sequence() == heard.get() + 1 ? Mono.just(next).doOnNext(c -> heard.set(c.sequence()))
                            : Flux.empty(), 1);
        });
    }

    /** A signal to read from the database, not a record. */
    private static final Change CATCH_UP = new Change("catch-up", -1, null, null, null, null, null, List.of(), null, null);

    /** The stored records after {@code heard}, page by page, as the subscriber asks for them, until there are no more. */
    private Flux<Change> backlog(AtomicLong heard) {
        return Mono.fromCallable(() -> read(heard.get())).subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
                .expand(page -> page.size() < batch ? Mono.empty()
                        : Mono.fromCallable(() -> read(page.getLast().sequence())).subscribeOn(Schedulers.boundedElastic())
                                .retryWhen(Retry.backoff(3, Duration.ofMillis(200))))
                .concatMapIterable(page -> page)
                .filter(change -> change.sequence() > heard.get())
                .doOnNext(change -> heard.set(change.sequence()));
    }

    private List<Change> read(long after) {
        return graph.listForCache(AFTER, Map.of("after", after, "limit", batch), Change::from);
    }

    private long last() {
        return graph.listForCache(LAST, Map.of(), org.neo4j.driver.Value::asLong).getFirst();
    }

    /** Polls from the last record there is now, while anyone listens. */
    private Flux<Change> follow() {
        AtomicLong last = new AtomicLong(last());
        Scheduler poller = Schedulers.newSingle("change-feed");
        return Flux.interval(interval, poller)
                .onBackpressureDrop()
                .concatMapIterable(tick -> poll(last), 1)
                .doFinally(signal -> poller.dispose());
    }

    /** Every record after {@code last}, in order (several pages when many committed since); none when it fails. */
    private List<Change> poll(AtomicLong last) {
        List<Change> all = new ArrayList<>();
        try {
            List<Change> page;
            do {
                page = read(last.get());
                all.addAll(page);
                if (!page.isEmpty()) {
                    last.set(page.getLast().sequence());
                }
            } while (page.size() == batch);
        } catch (RuntimeException e) {
            // The database away a moment: what was read is passed on, the next tick reads on from there.
            log.warn("Change feed: could not read the records after {} ({})", last.get(), e.toString());
        }
        return all;
    }
}
