package cn.changjiang.mining.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads as users and abusers send them: the role and the declared size are checked before the body is read,
 * a body without a declared size is cut off at the limit, CSV comes in GBK as well as UTF-8, and a workbook that
 * expands like a zip bomb is refused with a code.
 */
class LedgerFileLimitsTest extends IntegrationTest {

    private static final String PREFIX = "LIMITS-";
    private static final String HEADER = "台账编号,矿山名称,问题类型,问题来源,发现日期,问题描述,责任单位,状态\n";
    private static final long HUGE = LedgerUploadGuard.MAX_REQUEST_BYTES + 100L * 1024 * 1024;
    private static Driver fixtureDriver;

    @BeforeAll
    static void keepDriver(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeImported();
    }

    @AfterAll
    static void removeImported() {
        TestFixtures.removeImportedIssues(fixtureDriver, PREFIX);
    }

    /** The status line and body of an answer to a request whose headers, and only the first bytes of its body, were sent. */
    record Answer(int status, String body) {
    }

    /**
     * Sends the headers of {@code POST /ledger/import} declaring {@code length} bytes (or chunked, when negative) and
     * then the body as {@code sender} writes it, from another thread, while this one waits up to 30 s for the answer.
     * A server that read the body before answering would still be waiting for it.
     */
    private Answer post(String user, String contentType, long length, BodySender sender) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ledger/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token(user)
                    + "\r\nContent-Type: " + contentType + "\r\n"
                    + (length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    sender.send(out);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server answered and hung up before the body was all sent: what a refusal should do
                }
            });
            Answer answer = read(socket.getInputStream());
            writer.interrupt();
            return answer;
        }
    }

    interface BodySender {
        void send(OutputStream out) throws IOException;
    }

    private static Answer read(InputStream in) throws IOException {
        String head = line(in);
        int status = Integer.parseInt(head.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Up to {@code total} bytes of CSV-looking filler, a MiB at a time, counted as they go. */
    private static BodySender filler(long total, boolean chunked, AtomicLong sent) {
        return out -> {
            byte[] block = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            while (sent.get() < total) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(block.length);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    @Test
    void shouldRefuseAnalystsBeforeReadingTheirUploadWhateverItsType() throws Exception {
        for (String type : List.of("text/csv", LedgerFiles.XLSX, "multipart/form-data; boundary=b")) {
            // 150 MiB declared, 64 KiB sent: the answer must come without the rest.
            Answer answer = post("analyst", type, HUGE, out -> out.write(new byte[64 * 1024]));
            assertThat(answer.status()).as(type).isEqualTo(403);
            assertThat(answer.body()).contains("\"code\":\"FORBIDDEN\"");
        }
    }

    @Test
    void shouldRefuseAnUploadDeclaredTooLargeBeforeReadingIt() throws Exception {
        for (String type : List.of("text/csv", "multipart/form-data; boundary=b")) {
            Answer answer = post("office", type, HUGE, out -> out.write(HEADER.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).as(type).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"");
        }
    }

    @Test
    void shouldCutOffAChunkedUploadAtTheLimit() throws Exception {
        Answer raw = post("office", "text/csv", -1, filler(LedgerFiles.MAX_FILE_BYTES + 8L * 1024 * 1024, true, new AtomicLong()));
        assertThat(raw.status()).isEqualTo(413);
        assertThat(raw.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"");

        BodySender multipart = out -> {
            String start = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n";
            byte[] bytes = start.getBytes(StandardCharsets.US_ASCII);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            filler(LedgerFiles.MAX_FILE_BYTES + 8L * 1024 * 1024, true, new AtomicLong()).send(out);
        };
        Answer parts = post("office", "multipart/form-data; boundary=b", -1, multipart);
        assertThat(parts.status()).isEqualTo(413);
        assertThat(parts.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldImportCsvSavedByExcelOnChineseWindowsAndInUtf8WithABom() {
        String gbk = HEADER + PREFIX + "GBK,鲇鱼山钨矿(虚构),T2.09,群众举报,2023-05-10,选矿废水外溢(编码测试),昌江生态环境局,整改中\n";
        String bom = "\uFEFF" + HEADER + PREFIX + "BOM,南山瓷石矿(虚构),T2.02,排查,2023/4/28,越界开采(编码测试),昌江生态环境局,整改中\n";
        assertThat(postCsv(gbk.getBytes(Charset.forName("GBK")))).containsEntry("status", 200).containsEntry("imported", 1);
        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource(bom.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "台账.csv";
            }
        });
        Map<String, Object> uploaded = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build()
                .post().uri("/ledger/import").contentType(MediaType.MULTIPART_FORM_DATA).body(upload)
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
        assertThat(uploaded).containsEntry("status", 200).containsEntry("imported", 1);
        try (var session = fixtureDriver.session()) {
            var rows = session.run("""
                    MATCH (i:Issue)-[:AT]->(m:Mine) WHERE i.ledgerNumber STARTS WITH $prefix
                    RETURN i.ledgerNumber + '|' + i.description + '|' + m.name AS row ORDER BY row""",
                    Map.of("prefix", PREFIX)).list(r -> r.get("row").asString());
            assertThat(rows).containsExactly(PREFIX + "BOM|越界开采(编码测试)|南山瓷石矿(虚构)",
                    PREFIX + "GBK|选矿废水外溢(编码测试)|鲇鱼山钨矿(虚构)");
        }
        byte[] neither = (HEADER + PREFIX + "X,鲇鱼山钨矿(虚构),T2.09,群众举报,2023-05-10,").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[neither.length + 3];
        System.arraycopy(neither, 0, broken, 0, neither.length);
        broken[neither.length] = (byte) 0x80;
        broken[neither.length + 1] = (byte) 0xFF;
        broken[neither.length + 2] = '\n';
        Map<String, Object> refused = postCsv(broken);
        assertThat(refused).containsEntry("status", 422).containsEntry("code", "IMPORT_REJECTED");
        assertThat((List<Map<String, Object>>) refused.get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("row", 2).containsEntry("code", "UNDECODABLE_TEXT"));
    }

    @Test
    void shouldRefuseAWorkbookThatExpandsLikeAZipBombWithACode() throws Exception {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row>");
        for (String name : LedgerSheet.headers()) {
            sheet.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
        }
        sheet.append("</row>");
        sheet.append(("<row>" + "<c t=\"inlineStr\"><is><t>选矿废水外溢</t></is></c>".repeat(15) + "</row>").repeat(60_000));
        byte[] bomb = LedgerSheetTest.withSheet(LedgerSheetTest.xlsxBytes(List.of(LedgerSheetTest.ordinaryRow(1))),
                sheet.append("</sheetData></worksheet>").toString());
        Map<String, Object> answer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build()
                .post().uri("/ledger/import").contentType(MediaType.parseMediaType(LedgerFiles.XLSX)).body(bomb)
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
        assertThat(answer).containsEntry("status", 422).containsEntry("code", "XLSX_TOO_EXPANDED");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> postCsv(byte[] body) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build()
                .post().uri("/ledger/import").contentType(MediaType.parseMediaType("text/csv")).body(body)
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
    }
}
