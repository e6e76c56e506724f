package cn.changjiang.mining.ledger;

import cn.changjiang.mining.security.ReadPolicy;
import java.io.IOException;
import java.io.InputStream;
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
 * The ledger as files, for units that keep it in spreadsheets today: a template, an all-or-nothing import of CSV
 * or XLSX (multipart upload or the raw file as the body), and a filtered export. Before a byte of an upload is
 * read, {@link LedgerUploadGuard} has checked the role and the declared size; the body is then read only up to
 * {@link #MAX_FILE_BYTES}. Refusals answer {@code {"code", "message", ...}}.
 */
@RestController
@RequestMapping("/ledger")
class LedgerFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The largest ledger file accepted: room for 10,000 rows with descriptions of a thousand characters each. */
    static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

    private final LedgerImport importer;
    private final LedgerExport exporter;
    private final Access access;
    private final Scopes scopes;
    private final Clock clock;

    LedgerFiles(LedgerImport importer, LedgerExport exporter, Access access, Scopes scopes, Clock clock) {
        this.scopes = scopes;
        this.clock = clock;
        this.importer = importer;
        this.exporter = exporter;
        this.access = access;
    }

    /** The file as the multipart field {@code file}, parsed (lazily) only once the role has been checked here too. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LedgerImport.ImportReport importUpload(MultipartHttpServletRequest upload,
                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                           @RequestHeader(name = "X-Request-Id", required = false) String requestId) throws IOException {
        Actor actor = importer(requestId);
        MultipartFile file = upload.getFile("file");
        if (file == null) {
            throw new InvalidInputException("file", "Send the ledger as the multipart field file");
        }
        boolean xlsx = (file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase().endsWith(".xlsx"))
                || XLSX.equals(file.getContentType());
        try (InputStream in = file.getInputStream()) {
            return importer.importRows(read(bounded(in), xlsx), actor, dryRun);
        }
    }

    /** The raw file as the body, read here (not by a message converter) so that the role is checked first. */
    @PostMapping(path = "/import", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    LedgerImport.ImportReport importBody(InputStream body,
                                         @RequestHeader(name = "Content-Type") String contentType,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         @RequestHeader(name = "X-Request-Id", required = false) String requestId) throws IOException {
        Actor actor = importer(requestId);
        byte[] bytes = bounded(body);
        boolean xlsx = contentType.startsWith(XLSX) || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K');
        return importer.importRows(read(bytes, xlsx), actor, dryRun);
    }

    /** The whole upload, or a refusal as soon as it passes {@link #MAX_FILE_BYTES} (a chunked body has no length to check first). */
    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return bytes;
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
        body.put("errors", e.rowErrors());
        if (e.report() != null) {
            body.put("report", e.report());
        }
        return ResponseEntity.status(e.code().status).body(body);
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

    private static List<SheetRow> read(byte[] bytes, boolean xlsx) throws IOException {
        if (!xlsx) {
            return LedgerSheet.readCsv(bytes);
        }
        Path file = Files.createTempFile("ledger-import-", ".xlsx");
        try {
            Files.write(file, bytes);
            return LedgerSheet.readXlsx(file);
        } finally {
            Files.deleteIfExists(file);
        }
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
