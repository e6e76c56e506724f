package cn.changjiang.mining.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hand-written Cypher the peer (bench/peer/server.mjs, the Neo4j GraphQL Library) runs in its {@code @cypher}
 * fields, where it has no way of its own: the workloads' own statements, written to {@code bench/peer/statements.json}
 * so both sides run the very same text. {@code PeerStatementsTest} checks the file is up to date.
 * <pre>
 * ./mvnw -q test-compile exec:exec@peer-statements
 * </pre>
 */
public final class PeerStatements {

    static final Path FILE = Path.of("bench/peer/statements.json");

    private PeerStatements() {
    }

    static Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("W1", Workloads.Cypher.CHAIN);
        statements.put("W2", Workloads.Cypher.CANDIDATES);
        statements.put("W3", Workloads.Cypher.SCORECARDS);
        statements.put("W6", Workloads.Cypher.COUNTS);
        return statements;
    }

    static String json() {
        return Target.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(statements()) + "\n";
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(FILE, json());
        System.out.println("Written " + FILE.toAbsolutePath());
    }
}
