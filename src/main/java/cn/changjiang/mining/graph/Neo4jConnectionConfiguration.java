package cn.changjiang.mining.graph;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * Hands Boot's driver auto-configuration either the embedded engine (over its in-JVM channel, with the password it
 * was started with) or the external server named by {@code NEO4J_URI}. The embedded engine is only started when no
 * external server is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphProperties.class)
class Neo4jConnectionConfiguration {

    @Bean
    Neo4jConnectionDetails neo4jConnectionDetails(GraphProperties graph,
                                                  ObjectProvider<EmbeddedNeo4j> embedded) {
        if (graph.external()) {
            URI uri = URI.create(graph.uri());
            AuthToken auth = graph.password() == null || graph.password().isEmpty()
                    ? AuthTokens.none()
                    : AuthTokens.basic(graph.username(), graph.password());
            return connection(uri, auth);
        }
        EmbeddedNeo4j engine = embedded.getObject();
        return connection(engine.uri(), engine.authToken());
    }

    /**
     * Spring Data Neo4j's bookmarks, shared by its client and transaction manager: this instance's last transactions'
     * (read-your-writes within the instance) and the request's own ({@link RequestBookmarks}: across instances).
     */
    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return RequestBookmarks.manager();
    }

    @Bean(destroyMethod = "close")
    @Lazy
    EmbeddedNeo4j embeddedNeo4j(GraphProperties graph) {
        return EmbeddedNeo4j.start(graph.dataDir(), graph.pageCache(), graph.boltPort(),
                BoltPassword.of(graph.boltPort(), graph.embeddedPassword(), graph.dataDir()));
    }

    private static Neo4jConnectionDetails connection(URI uri, AuthToken auth) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return auth;
            }
        };
    }
}
