package cn.changjiang.mining.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With {@code RESTORE_FROM=<backup file>} the app restores that backup into its (empty) database while it starts.
 * This runs when the bean is created, so before the migrations (graph/GraphMigrations), which start only once every
 * bean exists: the restored history ({@code __Neo4jMigration} nodes, or a former seed runner's {@code SeedMigration}
 * nodes, which are adopted) then keeps the files from being applied again, and files newer than the backup are
 * applied on top. A database that is not empty is refused and the app does not start.
 */
@Component
class RestoreOnStart implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStart.class);

    private final GraphBackup backup;
    private final String restoreFrom;

    RestoreOnStart(GraphBackup backup, @Value("${accountability.backup.restore-from:}") String restoreFrom) {
        this.backup = backup;
        this.restoreFrom = restoreFrom;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (!StringUtils.hasText(restoreFrom)) {
            return;
        }
        Path file = Path.of(restoreFrom);
        log.info("Restoring the graph from {}", file.toAbsolutePath());
        try (InputStream in = Files.newInputStream(file)) {
            GraphBackup.Summary summary = backup.restore(in);
            log.info("Restore from {} done: {} nodes, {} relationships", file, summary.nodes(), summary.relationships());
        }
    }
}
