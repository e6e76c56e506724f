package cn.changjiang.mining.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.CampaignTime;
import io.micrometer.context.ContextRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The transaction a read {@code asOf} a past moment runs in: the ledger's later changes are undone in it (from the
 * change records, by each feature's {@code audit.Rewinder}), the request's reads run in it as they always do, and it is
 * rolled back, never committed. Every Cypher statement of the request goes to it ({@link CypherRunner}), from whichever
 * thread runs the data fetcher: the transaction is a context-propagation thread local ({@link #KEY}), as the moment
 * itself is ({@link CampaignTime#AS_OF}). Statements are sent one at a time, as a transaction takes them.
 */
public final class PastTransaction implements AutoCloseable {

    /** The context-propagation key of {@link #CURRENT}. */
    public static final String KEY = "accountability.pastTransaction";

    static final ThreadLocal<PastTransaction> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT);
        ContextRegistry.getInstance().registerThreadLocalAccessor(CampaignTime.AS_OF_KEY, CampaignTime.AS_OF);
    }

    private final Instant asOf;
    private final Session session;
    private final Transaction transaction;

    private PastTransaction(Instant asOf, Session session) {
        this.asOf = asOf;
        this.session = session;
        this.transaction = session.beginTransaction();
    }

    /** Opens a transaction for reads as of {@code asOf} and makes it this thread's; {@link #close} rolls it back. */
    public static PastTransaction open(Driver driver, Instant asOf) {
        PastTransaction past = new PastTransaction(asOf, driver.session());
        CURRENT.set(past);
        return past;
    }

    /** The transaction of the request this thread serves, or null when it reads now. */
    public static PastTransaction current() {
        return CURRENT.get();
    }

    /** This transaction as the value of its context key, for a Reactor context. */
    public Map<String, Object> contextEntries() {
        return Map.of(KEY, this, CampaignTime.AS_OF_KEY, asOf);
    }

    public Instant asOf() {
        return asOf;
    }

    /** Runs one statement and reads all its rows before the next statement may start. */
    synchronized List<Record> run(String cypher, Map<String, Object> parameters) {
        return transaction.run(cypher, parameters).list();
    }

    /** Rolls everything back: nothing done in this transaction is ever committed. */
    @Override
    public synchronized void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        try {
            transaction.rollback();
        } finally {
            transaction.close();
            session.close();
        }
    }
}
