package cn.changjiang.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j engine in this JVM that the app is pointed at as if it were an external server (NEO4J_URI): a fixed
 * port and folder, so it can be stopped and started again where the app expects it. No Docker needed.
 */
public final class ExternalServer implements AutoCloseable {

    private final Path folder;
    private final int port;
    private DatabaseManagementService dbms;

    public ExternalServer(Path folder) {
        this.folder = folder;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "bolt://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ExternalServer start() {
        dbms = new DatabaseManagementServiceBuilder(folder)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse("64m"))
                // Stops in a moment rather than after two 5-second quiet periods of the Bolt server's event loops.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
                .build();
        return this;
    }

    public void stop() {
        if (dbms != null) {
            dbms.shutdown();
            dbms = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
