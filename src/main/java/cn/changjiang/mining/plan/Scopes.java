package cn.changjiang.mining.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static cn.changjiang.mining.graph.Read.string;

/**
 * Resolves the scope of a read ({@link JurisdictionTree#scope}) against a snapshot of the jurisdiction tree. The
 * snapshot is read at most once every {@link #MAX_AGE} (jurisdictions and units change rarely, and the bound holds
 * on every instance of a cluster), and at once after a write here calls {@link #changed()}: so scoping adds no round
 * trip to a request. An id the snapshot does not know reloads it first (at most every {@link #MIN_AGE_TO_RELOAD}).
 */
@Component
public class Scopes {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** An unknown id reloads the snapshot, at most this often (so unknown ids cannot make every request read it). */
    static final Duration MIN_AGE_TO_RELOAD = Duration.ofMillis(250);

    private final CypherRunner graph;
    private final String home;
    private volatile Snapshot snapshot;

    Scopes(CypherRunner graph, @Value("${accountability.home-jurisdiction:CHANGJIANG}") String home) {
        this.graph = graph;
        this.home = home;
    }

    /** The scope of a read by {@code viewer} about {@code requested} (null: the viewer's own jurisdiction). */
    public Scope of(Viewer viewer, String requested) {
        JurisdictionTree tree = tree();
        if (requested != null && !tree.levels().containsKey(requested) && snapshotOlderThan(MIN_AGE_TO_RELOAD)) {
            // A jurisdiction this snapshot does not know may have been written since, here or on another instance.
            changed();
            tree = tree();
        }
        return tree.scope(viewer, requested);
    }

    private boolean snapshotOlderThan(Duration age) {
        Snapshot current = snapshot;
        return current == null || System.nanoTime() - current.readAt() > age.toNanos();
    }

    /** The units of a scope: those working in its jurisdiction or in one part of it ({@link JurisdictionTree#unitsWithin}). */
    public List<String> unitsWithin(Scope scope) {
        return tree().unitsWithin(scope.jurisdiction());
    }

    /** The jurisdiction tree, at most {@link #MAX_AGE} old. */
    public JurisdictionTree tree() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > MAX_AGE.toNanos()) {
            current = new Snapshot(read(), now);
            snapshot = current;
        }
        return current.tree();
    }

    /** Forget the snapshot: a jurisdiction or a unit's place was written in this instance. */
    public void changed() {
        snapshot = null;
    }

    private JurisdictionTree read() {
        List<JurisdictionTree.Row> rows = graph.listForCache("""
                MATCH (j:Jurisdiction)
                RETURN {id: j.id, level: j.level, parent: [(j)-[:PART_OF]->(p:Jurisdiction) | p.id][0]} AS item""",
                Map.of(), v -> new JurisdictionTree.Row(string(v, "id"), string(v, "level"), string(v, "parent")));
        Map<String, String> units = new HashMap<>();
        graph.<String[]>listForCache("""
                MATCH (u:Unit)
                WITH u, coalesce([(u)-[:SERVES]->(s:Jurisdiction) | s.id][0], [(u)-[:BELONGS_TO]->(b:Jurisdiction) | b.id][0]) AS j
                WHERE j IS NOT NULL
                RETURN {unit: u.id, jurisdiction: j} AS item""", Map.of(),
                v -> new String[] {string(v, "unit"), string(v, "jurisdiction")})
                .forEach(pair -> units.put(pair[0], pair[1]));
        return JurisdictionTree.of(rows, units, home);
    }

    private record Snapshot(JurisdictionTree tree, long readAt) {
    }
}
