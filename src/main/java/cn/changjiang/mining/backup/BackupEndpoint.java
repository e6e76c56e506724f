package cn.changjiang.mining.backup;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import java.util.Map;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.security.Access;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/backup} (the office only, see the security configuration): the whole graph as a gzipped
 * JSON Lines file, streamed while it is read. Written straight to the response rather than asynchronously, so a
 * large graph is not cut off by the request timeout of the API. The file holds every district's mines and problems,
 * so only an office whose jurisdiction takes in all of them may take it (docs/plan-graph.md#scope): a district's
 * office of a deployment that holds other districts' data is refused (403), as it may not read that data otherwise.
 */
@RestController
class BackupEndpoint {

    private static final Logger log = LoggerFactory.getLogger(BackupEndpoint.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GraphBackup backup;
    private final Access access;
    private final Scopes scopes;
    private final CypherRunner graph;

    BackupEndpoint(GraphBackup backup, Access access, Scopes scopes, CypherRunner graph) {
        this.backup = backup;
        this.access = access;
        this.scopes = scopes;
        this.graph = graph;
    }

    @PostMapping("/admin/backup")
    void backup(HttpServletResponse response) throws IOException {
        requireEveryDistrictInScope();
        String filename = "accountability-graph-" + STAMP.format(LocalDateTime.now()) + ".jsonl.gz";
        response.setContentType("application/gzip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        GraphBackup.Summary summary = backup.write(response.getOutputStream());
        log.info("Backup {} written: {} nodes, {} relationships, seed migrations {}", filename, summary.nodes(),
                summary.relationships(), summary.seedMigrations());
    }

    /** Refused when a mine, a problem or an action lies in a district outside the caller's jurisdiction. */
    private void requireEveryDistrictInScope() {
        var viewer = access.viewer();
        boolean outside = graph.single("""
                RETURN EXISTS { MATCH (m:Mine) WHERE m.district IS NOT NULL AND NOT m.district IN $districts }
                    OR EXISTS { MATCH (i:Issue) WHERE i.district IS NOT NULL AND NOT i.district IN $districts } AS item""",
                Map.of("districts", scopes.of(viewer, null).districts()), v -> v.asBoolean()).orElse(true);
        if (outside) {
            throw new ForbiddenException("The backup holds data outside " + scopes.tree().jurisdictionOf(viewer)
                    + ", the jurisdiction this role is for");
        }
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> refused(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("code", e.code(), "message", e.getMessage()));
    }
}
