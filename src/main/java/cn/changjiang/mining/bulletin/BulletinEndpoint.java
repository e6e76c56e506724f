package cn.changjiang.mining.bulletin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bulletin.html} and {@code GET /bulletin.pdf}: the 通报 of a jurisdiction for a period
 * ({@code from}, {@code to}: ISO dates, both days included; {@code jurisdiction}: by default the caller's own), for
 * the office and leaders (docs/bulletin.md). Checked in the API's order: who is asking (401), the role (403), the
 * input (400), then the jurisdiction (404 unknown, 403 outside the caller's). Refusals answer
 * {@code {"code", "message", "argument"}}, as the ledger's file endpoints do.
 */
@RestController
class BulletinEndpoint {

    private static final Logger log = LoggerFactory.getLogger(BulletinEndpoint.class);

    /** The longest period one bulletin covers. */
    static final int MAX_DAYS = 3_700;

    private final BulletinReads reads;
    private final BulletinPdf pdf;
    private final Access access;
    private final Scopes scopes;
    private final Clock clock;

    BulletinEndpoint(BulletinReads reads, BulletinPdf pdf, Access access, Scopes scopes, Clock clock) {
        this.reads = reads;
        this.pdf = pdf;
        this.access = access;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/bulletin.html")
    ResponseEntity<String> html(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String jurisdiction, HttpServletRequest request) {
        Bulletin bulletin = bulletin(from, to, jurisdiction, request);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // The page is a document: no script of any origin runs in it.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(BulletinHtml.render(bulletin));
    }

    @GetMapping("/bulletin.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String jurisdiction, HttpServletRequest request) {
        pdf.font(); // No font, no bulletin: refused before anything is read.
        Bulletin bulletin = bulletin(from, to, jurisdiction, request);
        byte[] document = pdf.render(BulletinHtml.render(bulletin));
        String filename = "bulletin-" + bulletin.jurisdiction() + "-" + bulletin.from() + "-" + bulletin.to() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(document);
    }

    private Bulletin bulletin(String from, String to, String jurisdiction, HttpServletRequest request) {
        Viewer viewer = access.require(access.viewer(), Role.OFFICE, Role.LEADER);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "from (" + first + ") must not be after to (" + last + ")");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidInputException("to", "A bulletin covers at most " + MAX_DAYS + " days");
        }
        String asked = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        Scope scope = scopes.of(viewer, asked);
        return reads.read(scope.jurisdiction(), first, last, LocalDate.now(clock), request);
    }

    private static LocalDate date(String argument, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(argument, argument + " is required: a date like 2026-11-30");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(argument, argument + " is not a date like 2026-11-30: " + value);
        }
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return answer(BulletinReads.status(e.code()), e.code(), e.getMessage(), e.argument());
    }

    @ExceptionHandler(BulletinException.class)
    ResponseEntity<Map<String, Object>> refused(BulletinException e) {
        return answer(e.status(), e.code(), e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            return answer(HttpStatus.valueOf(spring.getStatusCode().value()), ErrorCodes.BAD_REQUEST, e.getMessage(), null);
        }
        log.error("Bulletin request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "The bulletin could not be made", null);
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message, String argument) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (argument != null) {
            body.put("argument", argument);
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, "30");
        }
        return builder.body(body);
    }
}
