package cn.changjiang.mining.graph;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j engine running inside this JVM. The app talks to it through the same driver it uses for an external
 * server, so both modes run the same code, but over an in-JVM channel ({@link InProcessBolt}) that no other process
 * can open: by default the engine listens on no port at all. A Bolt port on loopback is opened only when one is
 * configured, for a benchmark or cypher-shell on this machine. Authentication is always on: user {@value #USER}
 * with the password it is started with, which is never logged.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    public static final String USER = "neo4j";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    /** No request may hold the database longer than this; a client waiting for it has given up by then. */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration BOLT_QUIET_PERIOD = Duration.ofMillis(100);

    private final DatabaseManagementService dbms;
    private final URI uri;
    private final URI boltUri;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI uri, URI boltUri, String password) {
        this.dbms = dbms;
        this.uri = uri;
        this.boltUri = boltUri;
        this.password = password;
    }

    /**
     * @param boltPort loopback TCP port for Bolt (0: a free one); null for none
     * @param password the password of user {@value #USER}, set at every start (so a changed one takes effect)
     */
    public static EmbeddedNeo4j start(Path dataDir, String pageCache, Integer boltPort, String password) {
        Path home = dataDir.toAbsolutePath();
        String channel = "accountability-graph-" + UUID.randomUUID();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, true)
                .setConfig(BoltConnectorInternalSettings.local_channel_address, channel)
                // Neo4j serves the in-JVM channel only with its Bolt server on, which always opens its TCP port:
                // bound to loopback here, and closed again below when no port was asked for.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort == null ? 0 : boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, TRANSACTION_TIMEOUT)
                // Each of the Bolt server's two event loop groups waits this long for quiet before it stops (5 s by
                // default: 10 s per shutdown); its clients here are this app's driver, closed before the engine.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, BOLT_QUIET_PERIOD)
                .build();
        var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            if (boltPort == null) {
                closeTcpPort(system.getDependencyResolver().resolveDependency(BoltServer.class));
            }
            // The embedded API is not subject to authentication; Bolt clients, this app's driver included, are.
            // Neo4j refuses to set the password it already has, so it goes through a throwaway one first.
            // Not bound by the request timeout: on a busy machine the first start's system writes can take longer.
            for (String next : List.of(UUID.randomUUID().toString(), password)) {
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", next), result -> null, SETUP_TIMEOUT);
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        URI boltUri = null;
        if (boltPort != null) {
            int port = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            boltUri = URI.create("bolt://127.0.0.1:" + port);
            log.info("Embedded Neo4j started with data in {}; Bolt on {} (user {})", home, boltUri, USER);
        } else {
            log.info("Embedded Neo4j started with data in {}; no Bolt port (set BOLT_PORT to open one)", home);
        }
        return new EmbeddedNeo4j(dbms, InProcessBolt.uri(channel), boltUri, password);
    }

    /** Stops the Bolt server's TCP listener, leaving its in-JVM connector serving. */
    private static void closeTcpPort(BoltServer bolt) {
        for (Connector<?> connector : bolt.getConnectors()) {
            if (connector.address() instanceof InetSocketAddress) {
                try {
                    connector.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not close the embedded engine's Bolt port", e);
                }
            }
        }
    }

    /** Where this process's driver reaches the engine: an in-JVM channel. */
    public URI uri() {
        return uri;
    }

    /** The loopback Bolt port's address, when one was asked for. */
    public Optional<URI> boltUri() {
        return Optional.ofNullable(boltUri);
    }

    /** The credentials of user {@value #USER}, for a driver in this process. */
    public AuthToken authToken() {
        return AuthTokens.basic(USER, password);
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
