package cn.changjiang.mining.enforcement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.audit.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Watches how many departments each mine's open problems need, as ledger changes commit. While anyone subscribes it
 * knows every mine's span (read once when the first subscriber arrives), recounts the mines a batch of changes
 * touched in one query, and announces each mine whose span moved. Nothing runs while no one subscribes.
 */
@Component
class CandidateWatch {

    /** A mine's department span before and after a batch of committed changes. */
    record SpanChange(String mineId, int before, int after) {

        boolean reached(int minDepartments) {
            return before < minDepartments && after >= minDepartments;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CandidateWatch.class);

    private final Flux<SpanChange> spanChanges;

    CandidateWatch(ChangeFeed events, EnforcementQueries queries) {
        this.spanChanges = Flux.defer(() -> {
                    // Listen first, then read the spans, so no change after the read goes unheard (one committed during
                    // the read is already in it).
                    Sinks.Many<List<Change>> batches = Sinks.many().unicast().onBackpressureBuffer();
                    Disposable listening = events.changes()
                            .bufferTimeout(500, Duration.ofMillis(50))
                            .subscribe(batches::tryEmitNext, batches::tryEmitError);
                    Map<String, Integer> known = new HashMap<>(queries.departmentSpans());
                    return batches.asFlux()
                            .publishOn(Schedulers.boundedElastic())
                            .concatMapIterable(batch -> recountOrSkip(batch, known, queries))
                            .doFinally(signal -> listening.dispose());
                })
                .publish()
                .refCount();
    }

    Flux<SpanChange> spanChanges() {
        return spanChanges;
    }

    /** A failed recount (the database away a moment) skips that batch rather than ending every subscriber's stream. */
    private static List<SpanChange> recountOrSkip(List<Change> batch, Map<String, Integer> known,
                                                  EnforcementQueries queries) {
        try {
            return recount(batch, known, queries);
        } catch (RuntimeException e) {
            log.warn("Candidate watch: {} changes not recounted ({})", batch.size(), e.toString());
            return List.of();
        }
    }

    private static List<SpanChange> recount(List<Change> batch, Map<String, Integer> known, EnforcementQueries queries) {
        Set<String> mines = new TreeSet<>();
        Set<String> issues = new TreeSet<>();
        for (Change change : batch) {
            switch (change.entityType()) {
                case "Issue" -> issues.add(change.entityId());
                case "Mine" -> mines.add(change.entityId());
                default -> { }
            }
        }
        if (mines.isEmpty() && issues.isEmpty()) {
            return List.of();
        }
        return moved(known, queries.departmentSpans(mines, issues));
    }

    /**
     * The spans a recount moved, in the recount's order, with {@code known} brought up to date; a mine not known
     * before had no open problems needing a department (a span of 0).
     */
    static List<SpanChange> moved(Map<String, Integer> known, Map<String, Integer> recounted) {
        List<SpanChange> moved = new ArrayList<>();
        recounted.forEach((mine, after) -> {
            int before = known.getOrDefault(mine, 0);
            known.put(mine, after);
            if (before != after) {
                moved.add(new SpanChange(mine, before, after));
            }
        });
        return moved;
    }
}
