package cn.changjiang.mining.graph;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.netty.channel.local.LocalAddress;
import org.neo4j.bolt.connection.AuthToken;
import org.neo4j.bolt.connection.BoltAgent;
import org.neo4j.bolt.connection.BoltConnection;
import org.neo4j.bolt.connection.BoltConnectionProvider;
import org.neo4j.bolt.connection.BoltConnectionProviderFactory;
import org.neo4j.bolt.connection.BoltProtocolVersion;
import org.neo4j.bolt.connection.LoggingProvider;
import org.neo4j.bolt.connection.NotificationConfig;
import org.neo4j.bolt.connection.SecurityPlan;
import org.neo4j.bolt.connection.netty.NettyBoltConnectionProviderFactory;
import org.neo4j.bolt.connection.observation.ImmutableObservation;
import org.neo4j.bolt.connection.observation.ObservationProvider;
import org.neo4j.bolt.connection.values.ValueFactory;

/**
 * Lets the ordinary Neo4j driver reach the embedded engine without any socket: {@code bolt+inproc://NAME} connects
 * over a Netty in-JVM channel to the engine's local Bolt connector bound to {@code NAME}. Nothing outside this
 * process can open such a channel, so the embedded database needs no TCP listener for the app's own driver.
 * Registered with the driver through the bolt-connection SPI ({@code META-INF/services}); each channel name gets
 * its own Netty provider, because the stock provider connects to the one local address it was made with.
 */
public final class InProcessBolt implements BoltConnectionProviderFactory {

    public static final String SCHEME = "bolt+inproc";

    public static URI uri(String channel) {
        return URI.create(SCHEME + "://" + channel);
    }

    @Override
    public boolean supports(String scheme) {
        return SCHEME.equals(scheme);
    }

    @Override
    public BoltConnectionProvider create(LoggingProvider logging, ValueFactory values, ObservationProvider observations,
                                         Map<String, ?> config) {
        return new PerChannel(channel -> {
            Map<String, Object> local = new HashMap<>(config);
            local.put("localAddress", new LocalAddress(channel));
            return new NettyBoltConnectionProviderFactory().create(logging, values, observations, local);
        });
    }

    private static final class PerChannel implements BoltConnectionProvider {
        private final Function<String, BoltConnectionProvider> open;
        private final Map<String, BoltConnectionProvider> providers = new ConcurrentHashMap<>();

        PerChannel(Function<String, BoltConnectionProvider> open) {
            this.open = open;
        }

        @Override
        public CompletionStage<BoltConnection> connect(URI uri, String routingContextAddress, BoltAgent agent,
                                                       String userAgent, int connectTimeoutMillis,
                                                       long initialisationTimeoutMillis, SecurityPlan securityPlan,
                                                       AuthToken authToken, BoltProtocolVersion maxVersion,
                                                       NotificationConfig notifications, ImmutableObservation parent) {
            return providers.computeIfAbsent(uri.getHost(), open).connect(uri, routingContextAddress, agent, userAgent,
                    connectTimeoutMillis, initialisationTimeoutMillis, securityPlan, authToken, maxVersion,
                    notifications, parent);
        }

        @Override
        public CompletionStage<Void> close() {
            List<CompletableFuture<Void>> closing = providers.values().stream()
                    .map(provider -> provider.close().toCompletableFuture()).toList();
            return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
        }
    }
}
