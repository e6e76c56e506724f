package cn.changjiang.mining.graph;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the graph lives. With no {@code uri} the app starts its own Neo4j engine in-process on {@code dataDir};
 * with a {@code uri} (bolt:// for one server, neo4j:// for routing to a cluster) it uses that server instead.
 *
 * @param uri        external server, from {@code NEO4J_URI}; blank for the embedded engine
 * @param username   user for the external server
 * @param password   password for the external server
 * @param dataDir    folder of the embedded engine's data, kept across restarts
 * @param pageCache  page cache of the embedded engine, e.g. {@code 512m}
 * @param demoData   load the synthetic demo set; when unset, on for the embedded engine and off otherwise
 * @param boltPort   loopback port of the embedded engine's Bolt connector, 0 for a free one; none (the default)
 *                   keeps the engine reachable from this process only
 * @param embeddedPassword password of the embedded engine's user {@code neo4j} when a Bolt port is open; blank to
 *                   generate one into {@code bolt-password} in the data folder
 */
@ConfigurationProperties("accountability.graph")
public record GraphProperties(String uri, String username, String password, Path dataDir, String pageCache,
                              Boolean demoData, Integer boltPort, String embeddedPassword) {

    public GraphProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        pageCache = StringUtils.hasText(pageCache) ? pageCache : "256m";
    }

    public boolean external() {
        return StringUtils.hasText(uri);
    }

    public boolean loadDemoData() {
        return demoData != null ? demoData : !external();
    }
}
