package cn.changjiang.mining.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j engine running inside this JVM, reachable over Bolt on a loopback port (a free one unless a port is
 * configured). The app talks to it through the same driver it uses for an external server, so both modes run the
 * same code; a fixed port lets a benchmark or cypher-shell on this machine reach the very same database.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    /** No request may hold the database longer than this; a client waiting for it has given up by then. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
    }

    public static EmbeddedNeo4j start(Path dataDir, String pageCache, int boltPort) {
        Path home = dataDir.toAbsolutePath();
        // Authentication is off because Bolt listens on loopback only; an external server must use its own.
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, TRANSACTION_TIMEOUT)
                .build();
        var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        int port = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        URI uri = URI.create("bolt://127.0.0.1:" + port);
        log.info("Embedded Neo4j started on {} with data in {}", uri, home);
        return new EmbeddedNeo4j(dbms, uri);
    }

    public URI boltUri() {
        return boltUri;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
