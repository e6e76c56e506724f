package cn.changjiang.mining.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.changjiang.mining.api.Actor;
import cn.changjiang.mining.api.ApiException;
import cn.changjiang.mining.api.RequestContext;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import cn.changjiang.mining.ledger.LedgerSheet.SheetRow;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.Role;
import cn.changjiang.mining.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ledger as files, for units that keep it in spreadsheets today: a template, an all-or-nothing import of CSV
 * or XLSX (multipart upload or the raw file as the body), and a filtered export.
 */
@RestController
@RequestMapping("/ledger")
class LedgerFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerImport importer;
    private final LedgerExport exporter;
    private final Access access;

    LedgerFiles(LedgerImport importer, LedgerExport exporter, Access access) {
        this.importer = importer;
        this.exporter = exporter;
        this.access = access;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LedgerImport.ImportReport importUpload(@RequestPart("file") MultipartFile file,
                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                           @RequestHeader(name = "X-Request-Id", required = false) String requestId) throws IOException {
        Actor actor = importer(requestId);
        boolean xlsx = (file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase().endsWith(".xlsx"))
                || XLSX.equals(file.getContentType());
        try (InputStream in = file.getInputStream()) {
            return importer.importRows(read(in, xlsx), actor, dryRun);
        }
    }

    @PostMapping(path = "/import", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    LedgerImport.ImportReport importBody(@RequestBody byte[] body,
                                         @RequestHeader(name = "Content-Type") String contentType,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        Actor actor = importer(requestId);
        boolean xlsx = contentType.startsWith(XLSX) || (body.length > 1 && body[0] == 'P' && body[1] == 'K');
        return importer.importRows(read(new ByteArrayInputStream(body), xlsx), actor, dryRun);
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
                                                    @RequestParam(required = false) Boolean open) {
        return csv("ledger.csv", exporter.rows(filter(status, unit, township, open)));
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<StreamingResponseBody> exportXlsx(@RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String unit,
                                                     @RequestParam(required = false) String township,
                                                     @RequestParam(required = false) Boolean open) {
        return xlsx("ledger.xlsx", exporter.rows(filter(status, unit, township, open)));
    }

    /** A unit officer exports its own unit's problems only; others export what they ask for. */
    private IssueFilter filter(String status, String unit, String township, Boolean open) {
        Viewer viewer = access.requireSignedIn(access.viewer());
        status = LedgerImport.statusCode(status);
        String scope = viewer.is(Role.UNIT_OFFICER) ? viewer.unitId() : unit;
        return new IssueFilter(status, open, township, scope, null, null, null);
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
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(Map.of("code", "IMPORT_REJECTED", "message", e.getMessage(), "errors", e.rowErrors()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        HttpStatus status = switch (e.code()) {
            case "UNAUTHENTICATED" -> HttpStatus.UNAUTHORIZED;
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(Map.of("errors", List.of(
                Map.of("message", e.getMessage(), "extensions", Map.of("code", e.code())))));
    }

    private static List<SheetRow> read(InputStream in, boolean xlsx) {
        return xlsx ? LedgerSheet.readXlsx(in) : LedgerSheet.readCsv(in);
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
                Map.entry(Column.RESPONSIBLE_PERSON, ""), Map.entry(Column.STATUS, "整改中"), Map.entry(Column.CLOSED_ON, ""));
    }
}
