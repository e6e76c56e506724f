package cn.changjiang.mining.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over its limit before anything reads it, on every endpoint and for anyone, signed in or
 * not: one that declares a larger {@code Content-Length} is answered 413 ({@code REQUEST_TOO_LARGE}) without a byte
 * of it being read; one sent in chunks is read up to one byte past the limit, never further. Upload paths (the ledger
 * import) are left to the guard that owns them, which checks the caller's role before it reads anything and bounds
 * the upload as it streams it (see {@code ledger/LedgerUploadGuard}): a general limit here would either refuse files
 * users have or buffer an upload before knowing who sends it. A multipart body elsewhere must declare its length,
 * because the servlet container parses multipart itself from the connection, past any wrapper (411,
 * {@code LENGTH_REQUIRED}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    static final String TOO_LARGE = "REQUEST_TOO_LARGE";

    private final long maxBytes;
    private final List<String> uploadPaths;

    RequestSizeLimit(@Value("${accountability.limits.max-request-bytes:262144}") long maxBytes,
                     @Value("${accountability.limits.upload-paths:/ledger/import}") List<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return uploadPaths.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = maxBytes;
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(response, 413, TOO_LARGE, "The request is larger than " + max + " bytes");
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            refuse(response, 411, "LENGTH_REQUIRED", "Send a multipart upload with its Content-Length");
            return;
        }
        if (max >= Integer.MAX_VALUE) {
            throw new IllegalStateException("A limit for bodies without a length must be under 2 GiB");
        }
        byte[] body = request.getInputStream().readNBytes((int) max + 1);
        if (body.length > max) {
            refuse(response, 413, TOO_LARGE, "The request is larger than " + max + " bytes");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}");
    }

    /** A request whose body was already read, served again from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
