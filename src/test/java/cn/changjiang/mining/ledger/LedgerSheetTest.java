package cn.changjiang.mining.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import cn.changjiang.mining.ledger.LedgerImportException.Code;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import cn.changjiang.mining.ledger.LedgerSheet.SheetRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading ledger files without a database: encodings, the streaming XLSX reader and its limits. */
class LedgerSheetTest {

    private static final String HEADER = "台账编号,矿山名称,问题类型,问题来源,发现日期,问题描述,责任单位,状态\n";
    private static final String ROW = "GBK-1,鲇鱼山钨矿(虚构),T2.09、T2.11,群众举报,2023-05-10,选矿废水外溢,昌江生态环境局,整改中\n";

    @TempDir
    Path folder;

    @Test
    void shouldReadCsvSavedAsGbkOrGb18030OrUtf8WithAndWithoutBom() {
        for (byte[] bytes : List.of((HEADER + ROW).getBytes(Charset.forName("GBK")),
                (HEADER + ROW).getBytes(Charset.forName("GB18030")),
                (HEADER + ROW).getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + HEADER + ROW).getBytes(StandardCharsets.UTF_8))) {
            List<SheetRow> rows = LedgerSheet.readCsv(bytes);
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().get(Column.LEDGER_NUMBER)).isEqualTo("GBK-1");
            assertThat(rows.getFirst().get(Column.MINE)).isEqualTo("鲇鱼山钨矿(虚构)");
            assertThat(rows.getFirst().get(Column.STATUS)).isEqualTo("整改中");
        }
    }

    @Test
    void shouldRefuseTextThatIsNeitherUtf8NorGb18030NamingTheLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + ROW + ROW.replace("GBK-1", "GBK-2")).getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[]{'X', ',', (byte) 0x80, (byte) 0xFF, ',', 'y', '\n'});
        LedgerImportException refusal = catchThrowableOfType(LedgerImportException.class,
                () -> LedgerSheet.readCsv(bytes.toByteArray()));
        assertThat(refusal.code()).isEqualTo(Code.IMPORT_REJECTED);
        assertThat(refusal.rowErrors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(4);
            assertThat(error.code()).isEqualTo("UNDECODABLE_TEXT");
        });
    }

    @Test
    void shouldGiveBackACellTheCsvExportMadeInert() {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.DESCRIPTION, "=HYPERLINK(\"x\")");
        row.put(Column.MEASURES, "-停产");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheet.writeCsv(List.of(row), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("'=HYPERLINK");
        SheetRow read = LedgerSheet.readCsv(out.toByteArray()).getFirst();
        assertThat(read.get(Column.DESCRIPTION)).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(read.get(Column.MEASURES)).isEqualTo("-停产");
    }

    /** The limits as a reading is given them, small enough to reach in a test (the service's are {@link LedgerSheet.Limits#FILE}). */
    private static final LedgerSheet.Limits TEN_THOUSAND = new LedgerSheet.Limits(10_000, 2L * 10_001 * Column.values().length);

    @Test
    void shouldReadBackItsOwnExportOfTheMostRowsAllowed() throws IOException {
        List<Map<Column, String>> rows = new ArrayList<>();
        for (int n = 1; n <= TEN_THOUSAND.maxRows(); n++) {
            rows.add(ordinaryRow(n));
        }
        Path file = xlsx(rows);
        List<SheetRow> read = LedgerSheet.readXlsx(file, TEN_THOUSAND);
        assertThat(read).hasSize(TEN_THOUSAND.maxRows());
        assertThat(read.getLast().get(Column.LEDGER_NUMBER)).isEqualTo("CJ-" + TEN_THOUSAND.maxRows());
        assertThat(read.getLast().get(Column.FOUND_ON)).isEqualTo("2023-05-10");
        assertThat(read.getLast().number()).isEqualTo(TEN_THOUSAND.maxRows() + 1);
    }

    @Test
    void shouldRefuseOneRowTooManyInXlsxAndCsv() throws IOException {
        List<Map<Column, String>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= TEN_THOUSAND.maxRows() + 1; n++) {
            rows.add(ordinaryRow(n));
            csv.append(ROW.replace("GBK-1", "CJ-" + n));
        }
        assertThat(catchThrowableOfType(LedgerImportException.class, () -> LedgerSheet.readXlsx(xlsx(rows), TEN_THOUSAND)).code())
                .isEqualTo(Code.TOO_MANY_ROWS);
        assertThat(catchThrowableOfType(LedgerImportException.class,
                () -> LedgerSheet.readCsv(csv.toString().getBytes(StandardCharsets.UTF_8), TEN_THOUSAND)).code())
                .isEqualTo(Code.TOO_MANY_ROWS);
        Path file = folder.resolve("too-many.csv");
        Files.writeString(file, csv);
        assertThat(catchThrowableOfType(LedgerImportException.class,
                () -> LedgerSheet.readCsv(file, TEN_THOUSAND, row -> { })).code())
                .isEqualTo(Code.TOO_MANY_ROWS);
    }

    @Test
    void shouldStreamACsvFileInGbkAndInUtf8WithABomAsTheBytesDecide() throws IOException {
        String text = HEADER + ROW;
        for (var encoded : List.of(text.getBytes(Charset.forName("GBK")), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))) {
            Path file = folder.resolve("streamed.csv");
            Files.write(file, encoded);
            List<SheetRow> streamed = new ArrayList<>();
            LedgerSheet.readCsv(file, LedgerSheet.Limits.FILE, streamed::add);
            assertThat(streamed).hasSize(1);
            assertThat(streamed.getFirst().cells()).isEqualTo(LedgerSheet.readCsv(encoded).getFirst().cells());
        }
        byte[] neither = (HEADER + ROW).getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(neither, neither.length + 2);
        broken[neither.length] = (byte) 0xFF;
        broken[neither.length + 1] = (byte) 0xFF;
        Path file = folder.resolve("neither.csv");
        Files.write(file, broken);
        LedgerImportException refusal = catchThrowableOfType(LedgerImportException.class,
                () -> LedgerSheet.readCsv(file, LedgerSheet.Limits.FILE, row -> { }));
        assertThat(refusal.rowErrors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("UNDECODABLE_TEXT");
            assertThat(error.row()).isEqualTo(3);
        });
    }

    @Test
    void shouldRefuseAnXlsxWhoseSheetExpandsLikeAZipBomb() throws IOException {
        // A few hundred KiB that expand to a sheet of tens of MiB: identical rows deflate about a thousand-fold.
        String row = "<row>" + "<c t=\"inlineStr\"><is><t>选矿废水外溢选矿废水外溢</t></is></c>".repeat(15) + "</row>";
        byte[] bomb = withSheet(xlsxBytes(List.of(ordinaryRow(1))),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + header() + row.repeat(60_000) + "</sheetData></worksheet>");
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Path file = folder.resolve("bomb.xlsx");
        Files.write(file, bomb);
        LedgerImportException refusal = catchThrowableOfType(LedgerImportException.class, () -> LedgerSheet.readXlsx(file));
        assertThat(refusal.code()).isEqualTo(Code.XLSX_TOO_EXPANDED);
    }

    @Test
    void shouldRefuseAWorkbookThatIsNotOne() throws IOException {
        Path file = folder.resolve("not.xlsx");
        Files.write(file, "PK but not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowableOfType(LedgerImportException.class, () -> LedgerSheet.readXlsx(file)).code())
                .isEqualTo(Code.UNREADABLE_FILE);
    }

    private static String header() {
        StringBuilder header = new StringBuilder("<row>");
        for (String name : LedgerSheet.headers()) {
            header.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
        }
        return header.append("</row>").toString();
    }

    /** A row as units fill them in: the same mine, units and dates over and over, which compresses well. */
    static Map<Column, String> ordinaryRow(int n) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.LEDGER_NUMBER, "CJ-" + n);
        row.put(Column.MINE, "鲇鱼山钨矿(虚构)");
        row.put(Column.LICENCE_NUMBER, "C3602002009127130012001");
        row.put(Column.VIOLATION_TYPES, "T2.09、T2.11");
        row.put(Column.SOURCE, "群众举报");
        row.put(Column.FOUND_ON, "2023-05-10");
        row.put(Column.DESCRIPTION, "选矿废水外溢");
        row.put(Column.SEVERITY, "较重");
        row.put(Column.MEASURES, "建设沉淀池,修复受污染土壤");
        row.put(Column.DEADLINE, "2023-07-31");
        row.put(Column.LEAD_UNIT, "昌江生态环境局");
        row.put(Column.SUPPORTING_UNITS, "区农水局");
        row.put(Column.STATUS, "整改中");
        row.put(Column.VERSION, "1");
        return row;
    }

    private Path xlsx(List<Map<Column, String>> rows) throws IOException {
        Path file = Files.createTempFile(folder, "ledger", ".xlsx");
        Files.write(file, xlsxBytes(rows));
        return file;
    }

    static byte[] xlsxBytes(List<Map<Column, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheet.writeXlsx(rows, out);
        return out.toByteArray();
    }

    /** The workbook with its first sheet's XML replaced. */
    static byte[] withSheet(byte[] workbook, String sheetXml) throws IOException {
        Path original = Files.createTempFile("original", ".xlsx");
        Files.write(original, workbook);
        original.toFile().deleteOnExit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(original.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("xl/worksheets/sheet1.xml")
                        ? sheetXml.getBytes(StandardCharsets.UTF_8) : in.getInputStream(entry).readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
