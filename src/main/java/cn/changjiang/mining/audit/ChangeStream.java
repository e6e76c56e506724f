package cn.changjiang.mining.audit;

import cn.changjiang.mining.audit.AuditTrail.Change;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live stream of the ledger's change records, each passed on once its transaction has committed (a rolled-back
 * change is never announced). Subscribers that fall behind miss records rather than slow the writers down; the
 * audit trail itself ({@code history}) stays the complete account.
 */
@Component
public class ChangeStream {

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();

    @TransactionalEventListener(fallbackExecution = true)
    synchronized void committed(AuditTrail.ChangesRecorded recorded) {
        for (Change change : recorded.changes()) {
            sink.tryEmitNext(change);
        }
    }

    /** Change records committed from now on. */
    public Flux<Change> changes() {
        return sink.asFlux();
    }
}
