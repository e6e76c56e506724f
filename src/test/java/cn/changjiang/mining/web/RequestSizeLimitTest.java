package cn.changjiang.mining.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint refuses a body over its limit before reading it (413, REQUEST_TOO_LARGE), anonymous callers
 * included; the ledger import is bounded by its own guard, after it knows who sends it.
 */
class RequestSizeLimitTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** Sends only the head of a request that announces a body, and reads the answer without sending the body. */
    private String announce(String path, long length, String contentType) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Read until the answer is complete: the server may keep the connection open, waiting for the body.
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!answer.toString().endsWith("}]}") && (read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                answer = new StringBuilder(answer.toString().replaceAll("\r\n0\r\n\r\n$", "").strip());
            }
            return answer.toString();
        }
    }

    private HttpResponse<String> post(String path, String contentType, InputStream body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token("office"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWithoutWaitingForIt() throws IOException {
        for (String path : List.of("/auth/token", "/graphql", "/actuator/health", "/no-such-path")) {
            String answer = announce(path, 20L * 1024 * 1024, "application/json");
            assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("\"code\":\"REQUEST_TOO_LARGE\"");
        }
        // The ledger import's own guard asks who sends it first, then bounds it (LedgerFileLimitsTest): unread either way.
        assertThat(announce("/ledger/import", 150L * 1024 * 1024, "text/csv")).startsWith("HTTP/1.1 401");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitAndPassOneWithin() throws Exception {
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> refused = post("/auth/token", "application/json", new ByteArrayInputStream(big));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("REQUEST_TOO_LARGE");

        byte[] small = "{\"username\":\"office\",\"password\":\"demo-office\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/auth/token", "application/json", new ByteArrayInputStream(small)).statusCode())
                .as("a chunked body within the limit is read as usual").isEqualTo(200);
    }

    @Test
    void shouldGiveTheLedgerImportItsLargerLimit() throws Exception {
        String header = "台账编号,矿山名称\n";
        byte[] csv = (header + "x,".repeat(200_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(csv.length).isGreaterThan(256 * 1024);
        HttpResponse<String> answer = post("/ledger/import?dryRun=true", "text/csv", new ByteArrayInputStream(csv));
        assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(413);
    }
}
