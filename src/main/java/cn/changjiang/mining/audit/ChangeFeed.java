package cn.changjiang.mining.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.graph.CypherRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Every committed change record, from the database, whichever instance made it: this instance follows the records'
 * {@code sequence} (commit order, no gaps, see {@link AuditTrail}) by reading the ones after the last it passed on,
 * every {@code poll-interval}, from the sequence's index, in a read transaction (on a cluster, a secondary's). So each
 * subscriber hears each change once and in commit order, about a poll interval after it commits, and a subscriber
 * that gives the last sequence it heard first gets every record after it, then the live ones, with none lost or
 * repeated.
 * <p>
 * Nothing is read while no one subscribes: the first subscriber starts the polling at the last record there is, the
 * last one to leave stops it. A subscriber that cannot keep up is ended with an error once {@code subscriber-buffer}
 * records wait for it (not silently skipped): it reconnects with its last sequence and loses nothing.
 * Neo4j's change data capture (Enterprise, Aura) would spare the polling; this works on every edition.
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
    private final int buffer;
    private final Flux<Change> live;

    ChangeFeed(CypherRunner graph,
               @Value("${accountability.changes.poll-interval:200ms}") Duration interval,
               @Value("${accountability.changes.batch:500}") int batch,
               @Value("${accountability.changes.subscriber-buffer:10000}") int buffer) {
        this.graph = graph;
        this.interval = interval;
        this.batch = batch;
        this.buffer = buffer;
        this.live = Flux.defer(this::follow).publish().refCount();
    }

    /** The records committed from now on. */
    public Flux<Change> changes() {
        return guarded(live);
    }

    /**
     * The records after {@code after} (a sequence a subscriber heard last), then those committed from now on; from
     * now on when {@code after} is null.
     */
    public Flux<Change> changesAfter(Long after) {
        if (after == null) {
            return changes();
        }
        return guarded(Flux.defer(() -> {
            // Listen first (the polling starts at the last record there is now), then read what came before: a record
            // in both is passed on once, as every one is only passed on after a lower one.
            Sinks.Many<Change> heard = Sinks.many().unicast().onBackpressureBuffer();
            Disposable listening = live.subscribe(heard::tryEmitNext, heard::tryEmitError);
            AtomicLong last = new AtomicLong(after);
            return backlog(after).concatWith(heard.asFlux())
                    .filter(change -> change.sequence() > last.get())
                    .doOnNext(change -> last.set(change.sequence()))
                    .doFinally(signal -> listening.dispose());
        }));
    }

    /** The stored records after a sequence, page by page, until there are no more. */
    private Flux<Change> backlog(long after) {
        return Mono.fromCallable(() -> read(after)).subscribeOn(Schedulers.boundedElastic())
                .expand(page -> page.size() < batch ? Mono.empty()
                        : Mono.fromCallable(() -> read(page.getLast().sequence())).subscribeOn(Schedulers.boundedElastic()))
                .concatMapIterable(page -> page);
    }

    private List<Change> read(long after) {
        return graph.listForCache(AFTER, Map.of("after", after, "limit", batch), Change::from);
    }

    /** Polls from the last record there is now, while anyone listens. */
    private Flux<Change> follow() {
        AtomicLong last = new AtomicLong(graph.listForCache(LAST, Map.of(), org.neo4j.driver.Value::asLong).getFirst());
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

    /** A subscriber's own buffer: one that falls too far behind ends with an error rather than miss records. */
    private Flux<Change> guarded(Flux<Change> changes) {
        return changes.onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.ERROR);
    }
}
