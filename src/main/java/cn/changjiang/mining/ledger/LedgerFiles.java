package cn.changjiang.mining.ledger;

import cn.changjiang.mining.security.ReadPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import cn.changjiang.mining.graph.DatabaseFailures;
import cn.changjiang.mining.common.ErrorCodes;
import org.springframework.web.ErrorResponse;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import cn.changjiang.mining.ledger.LedgerSheet.SheetRow;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Scopes;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ledger as files, for units that keep it in spreadsheets today: a template, an import of CSV or XLSX (multipart
 * upload or the raw file as the body) as a job ({@link LedgerImport}), and a filtered export. Before a byte of an
 * upload is read, {@link LedgerUploadGuard} has checked the role and the declared size; the body is then spooled to
 * a temporary file only up to {@link #MAX_FILE_BYTES}. Every refusal and failure answers {@code {"code", "message", ...}}.
 */
@RestController
@RequestMapping("/ledger")
class LedgerFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /**
     * The largest ledger file accepted: a million rows of a few hundred bytes each. It is spooled to a temporary
     * file, never held in memory.
     */
    static final int MAX_FILE_BYTES = 512 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LedgerFiles.class);

    private final LedgerImport importer;
    private final LedgerExport exporter;
    private final Access access;
    private final Scopes scopes;
    private final Clock clock;

    /** Imports posted with {@code async=true}, one at a time, in the order posted. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ledger-import-", 0).daemon().factory());

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    LedgerFiles(LedgerImport importer, LedgerExport exporter, Access access, Scopes scopes, Clock clock) {
        this.scopes = scopes;
        this.clock = clock;
        this.importer = importer;
        this.exporter = exporter;
        this.access = access;
    }

    /** The file as the multipart field {@code file}, parsed (lazily) only once the role has been checked here too. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importUpload(MultipartHttpServletRequest upload,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestParam(required = false) String resume,
                                   @RequestParam(defaultValue = "false") boolean async,
                                   @RequestHeader(name = "X-Request-Id", required = false) String requestId) throws IOException {
        Actor actor = importer(requestId);
        MultipartFile file = upload.getFile("file");
        if (file == null) {
            throw new InvalidInputException("file", "Send the ledger as the multipart field file");
        }
        boolean xlsx = (file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase().endsWith(".xlsx"))
                || XLSX.equals(file.getContentType());
        Upload spooled;
        try (InputStream in = file.getInputStream()) {
            spooled = spool(in, file.getOriginalFilename());
        }
        return importFile(spooled, spooled.xlsx() || xlsx, actor, dryRun, resume, async);
    }

    /** The raw file as the body, read here (not by a message converter) so that the role is checked first. */
    @PostMapping(path = "/import", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<?> importBody(InputStream body,
                                 @RequestHeader(name = "Content-Type") String contentType,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(required = false) String resume,
                                 @RequestParam(defaultValue = "false") boolean async,
                                 @RequestHeader(name = "X-Request-Id", required = false) String requestId) throws IOException {
        Actor actor = importer(requestId);
        Upload spooled = spool(body, null);
        return importFile(spooled, contentType.startsWith(XLSX) || spooled.xlsx(), actor, dryRun, resume, async);
    }

    /**
     * An import job for the spooled file: run here, answering 200 with the report when it is done, or (with
     * {@code async}) in the background, answering 202 with the job at once, its progress then read with
     * {@code ledgerImportJob(id)}. The spooled file is removed when the job stops either way.
     */
    private ResponseEntity<?> importFile(Upload upload, boolean xlsx, Actor actor, boolean dryRun, String resume,
                                         boolean async) throws IOException {
        LedgerImport.SheetSource source = upload.source(xlsx);
        LedgerImportJob job;
        try {
            job = importer.begin(source, actor, dryRun, resume, importer.batchRows());
        } catch (RuntimeException e) {
            Files.deleteIfExists(upload.file());
            throw e;
        }
        if (!async) {
            try {
                return ResponseEntity.ok(importer.run(job, source, actor));
            } finally {
                Files.deleteIfExists(upload.file());
            }
        }
        background.execute(() -> {
            try {
                importer.run(job, source, actor);
            } catch (RuntimeException e) {
                log.info("Ledger import job {} stopped: {}", job.id(), e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(upload.file());
                } catch (IOException e) {
                    log.warn("Could not remove the spooled file of import job {}: {}", job.id(), e.getMessage());
                }
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job", job.id());
        body.put("status", job.status());
        return ResponseEntity.accepted().body(body);
    }

    /** An upload written to a temporary file as it arrives, with its SHA-256; refused as soon as it passes {@link #MAX_FILE_BYTES}. */
    record Upload(Path file, String name, String digest, boolean xlsx) {
        LedgerImport.SheetSource source(boolean asXlsx) {
            return new LedgerImport.SheetSource() {
                public String name() {
                    return name;
                }

                public String digest() {
                    return digest;
                }

                public void rows(Consumer<SheetRow> each) {
                    if (asXlsx) {
                        LedgerSheet.readXlsx(file, LedgerSheet.Limits.FILE, each);
                    } else {
                        LedgerSheet.readCsv(file, LedgerSheet.Limits.FILE, each);
                    }
                }
            };
        }
    }

    /** The whole upload on disk, or a refusal as soon as it passes {@link #MAX_FILE_BYTES} (a chunked body has no length to check first). */
    static Upload spool(InputStream in, String name) throws IOException {
        Path file = Files.createTempFile("ledger-import-", ".upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            byte[] start = new byte[2];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (total < 2) {
                    System.arraycopy(buffer, 0, start, (int) total, (int) Math.min(n, 2 - total));
                }
                total += n;
                if (total > MAX_FILE_BYTES) {
                    throw tooLarge();
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            return new Upload(file, name, HexFormat.of().formatHex(sha.digest()), total > 1 && start[0] == 'P' && start[1] == 'K');
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static LedgerImportException tooLarge() {
        return new LedgerImportException(LedgerImportException.Code.REQUEST_TOO_LARGE,
                "A ledger file may be at most " + MAX_FILE_BYTES / (1024 * 1024) + " MiB; split it");
    }

    @GetMapping("/import-template.csv")
    ResponseEntity<StreamingResponseBody> templateCsv() {
        return csv("ledger-template.csv", List.of(example()));
    }

    @GetMapping("/import-template.xlsx")
    ResponseEntity<StreamingResponseBody> templateXlsx() {
        return xlsx("ledger-template.xlsx", List.of(example()));
    }

    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam(required = false) String status,
                                                    @RequestParam(required = false) String unit,
                                                    @RequestParam(required = false) String township,
                                                    @RequestParam(required = false) Boolean open,
                                                    @RequestParam(required = false) String jurisdiction) {
        return csv("ledger.csv", exporter.rows(filter(status, unit, township, open),
                ReadPolicy.readerUnit(access.viewer()), scopes.of(access.viewer(), jurisdiction), LocalDate.now(clock)));
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> exportXlsx(@RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String unit,
                                                     @RequestParam(required = false) String township,
                                                     @RequestParam(required = false) Boolean open,
                                                     @RequestParam(required = false) String jurisdiction) {
        return xlsx("ledger.xlsx", exporter.rows(filter(status, unit, township, open),
                ReadPolicy.readerUnit(access.viewer()), scopes.of(access.viewer(), jurisdiction), LocalDate.now(clock)));
    }

    /** A unit officer exports its own unit's problems only; others export what they ask for. */
    private IssueFilter filter(String status, String unit, String township, Boolean open) {
        Viewer viewer = access.requireSignedIn(access.viewer());
        String code = LedgerImport.statusCode(status);
        String scope = viewer.is(Role.UNIT_OFFICER) ? viewer.unitId() : unit;
        return new IssueFilter(code == null ? null : IssueStatus.valueOf(code), open, null, township, scope, null, null, null);
    }

    private static ResponseEntity<StreamingResponseBody> csv(String filename, List<Map<Column, String>> rows) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(out -> LedgerSheet.writeCsv(rows, out));
    }

    private static ResponseEntity<StreamingResponseBody> xlsx(String filename, List<Map<Column, String>> rows) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType(XLSX))
                .body(out -> LedgerSheet.writeXlsx(rows, out));
    }

    @ExceptionHandler(LedgerImportException.class)
    ResponseEntity<Map<String, Object>> refused(LedgerImportException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code().name());
        body.put("message", e.getMessage());
        if (e.job() != null) {
            body.put("job", e.job());
        }
        body.put("errors", e.rowErrors());
        if (e.report() != null) {
            body.put("report", e.report());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.code().status);
        if (e.code().status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header("Retry-After", "30");
        }
        return answer.body(body);
    }

    /**
     * Anything else that fails here (the database outside an import job, a disk that fills while spooling): a coded
     * answer too ({@link DatabaseFailures}), never a bare 500 page.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring's own refusals of a request (a parameter of the wrong type, a missing header): the client's.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", ErrorCodes.BAD_REQUEST);
            body.put("message", e.getMessage());
            return ResponseEntity.status(spring.getStatusCode()).body(body);
        }
        String code = DatabaseFailures.code(e);
        LedgerImportException.Code answer = code == null ? LedgerImportException.Code.INTERNAL_ERROR
                : LedgerImportException.Code.valueOf(code);
        log.error("Ledger file request failed ({})", answer, e);
        return refused(new LedgerImportException(answer, switch (answer) {
            case TRANSACTION_MEMORY_EXCEEDED -> "The database ran short of transaction memory; try again shortly";
            case TRANSACTION_TIMED_OUT -> "The database ended the request at its transaction time limit; try again shortly";
            case UNAVAILABLE -> "The database is not reachable just now; try again shortly";
            default -> "The request failed";
        }));
    }

    /** A multipart upload over {@code spring.servlet.multipart.max-file-size}, parsed lazily after the role check. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> refused(MaxUploadSizeExceededException e) {
        return refused(tooLarge());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        HttpStatus status = switch (e.code()) {
            case "UNAUTHENTICATED" -> HttpStatus.UNAUTHORIZED;
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (e.argument() != null) {
            body.put("argument", e.argument());
        }
        return ResponseEntity.status(status).body(body);
    }

    /** Only the office imports: checked before the file is even parsed. */
    private Actor importer(String requestId) {
        Actor actor = actor(requestId);
        access.require(actor.viewer(), Role.OFFICE);
        return actor;
    }

    private Actor actor(String requestId) {
        Viewer viewer = access.viewer();
        return new Actor(viewer.anonymous() ? "anonymous" : viewer.username(), UUID.randomUUID().toString(),
                RequestContext.clientRequestId(requestId), viewer);
    }

    private static Map<Column, String> example() {
        return Map.ofEntries(Map.entry(Column.LEDGER_NUMBER, "CJ-2023-001"), Map.entry(Column.MINE, "鲇鱼山钨矿(虚构)"),
                Map.entry(Column.LICENCE_NUMBER, "C3602002009127130012001"), Map.entry(Column.VIOLATION_TYPES, "T2.09、T2.11"),
                Map.entry(Column.SOURCE, "群众举报"), Map.entry(Column.FOUND_ON, "2023-05-10"),
                Map.entry(Column.DESCRIPTION, "选矿废水外溢"), Map.entry(Column.SEVERITY, "较重"),
                Map.entry(Column.MEASURES, "建设沉淀池,修复受污染土壤"), Map.entry(Column.DEADLINE, "2023-07-31"),
                Map.entry(Column.LEAD_UNIT, "昌江生态环境局"), Map.entry(Column.SUPPORTING_UNITS, "区农水局"),
                Map.entry(Column.RESPONSIBLE_PERSON, ""), Map.entry(Column.STATUS, "整改中"), Map.entry(Column.CLOSED_ON, ""),
                Map.entry(Column.VERSION, ""));
    }
}
