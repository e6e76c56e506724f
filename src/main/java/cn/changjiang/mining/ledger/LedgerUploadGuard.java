package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload to {@code POST /ledger/import} before any of it is read: a caller who may not import gets 403
 * (401 unsigned) and a body declared larger than {@link #MAX_REQUEST_BYTES} gets 413 {@code REQUEST_TOO_LARGE},
 * straight away, instead of after the server has buffered it. It runs after the security filters, which name the
 * caller, and before the dispatcher, which would parse a multipart body (parsed lazily, see application.yml). A body
 * without a declared length is bounded while it is read ({@link LedgerFiles#MAX_FILE_BYTES}).
 */
@Component
class LedgerUploadGuard extends OncePerRequestFilter {

    /** A file of {@link LedgerFiles#MAX_FILE_BYTES} with room for multipart framing. */
    static final long MAX_REQUEST_BYTES = LedgerFiles.MAX_FILE_BYTES + 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Access access;

    LedgerUploadGuard(Access access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/ledger/import".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            access.require(access.viewer(), Role.OFFICE);
        } catch (ApiException e) {
            refuse(response, "UNAUTHENTICATED".equals(e.code()) ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                    e.code(), e.getMessage());
            return;
        }
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            LedgerImportException tooLarge = LedgerFiles.tooLarge();
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge.code().name(), tooLarge.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The answer, with the connection closed: the unread body is not worth reading to keep it open. */
    private static void refuse(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("code", code, "message", message)));
    }
}
