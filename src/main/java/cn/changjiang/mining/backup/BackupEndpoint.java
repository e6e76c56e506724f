package cn.changjiang.mining.backup;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/backup} (the office only, see the security configuration): the whole graph as a gzipped
 * JSON Lines file, streamed while it is read. Written straight to the response rather than asynchronously, so a
 * large graph is not cut off by the request timeout of the API.
 */
@RestController
class BackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(BackupEndpoint.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GraphBackup backup;

    BackupEndpoint(GraphBackup backup) {
        this.backup = backup;
    }

    @PostMapping("/admin/backup")
    void backup(HttpServletResponse response) throws IOException {
        String filename = "accountability-graph-" + STAMP.format(LocalDateTime.now()) + ".jsonl.gz";
        response.setContentType("application/gzip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        GraphBackup.Summary summary = backup.write(response.getOutputStream());
        log.info("Backup {} written: {} nodes, {} relationships, seed migrations {}", filename, summary.nodes(),
                summary.relationships(), summary.seedMigrations());
    }
}
