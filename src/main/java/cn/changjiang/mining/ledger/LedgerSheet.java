package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import cn.changjiang.mining.ledger.LedgerImportException.Code;
import cn.changjiang.mining.ledger.LedgerImportException.Fault;
import cn.changjiang.mining.ledger.LedgerImportException.RowError;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The ledger's spreadsheet columns (Chinese headers as units write them, English names accepted too) and the
 * reading and writing of CSV and XLSX files with them. Reading is bounded: a file holds at most {@link #MAX_ROWS}
 * data rows and {@link #MAX_CELLS} filled cells, and an XLSX workbook is read as a stream of rows from its first
 * sheet, never built in memory, with each part it reads limited in size and in how far it may expand.
 */
final class LedgerSheet {

    /** What a column holds, which decides which values are wrong for it and how long they may be. */
    enum Kind {
        /** A 台账编号: any printable text up to 64 characters. */
        IDENTIFIER(64),
        /** Free text up to the ledger's limit. */
        TEXT(Ledger.MAX_TEXT),
        /** One of a few words (a status, a severity, a source). */
        TERM(200),
        /** The name, id or alias of something registered (a mine, a unit, a person). */
        REFERENCE(200),
        /** A list of references separated by 、 , ; / or spaces. */
        REFERENCES(1_000),
        DATE(200),
        /** A whole number (the version). */
        NUMBER(200);

        final int maxLength;

        Kind(int maxLength) {
            this.maxLength = maxLength;
        }
    }

    /**
     * A column: its key, what it holds, whether a row must fill it, the header written on export and in the template,
     * and the other headers accepted. A mine is named by 矿山名称 or 采矿许可证号, so neither is required alone.
     */
    enum Column {
        LEDGER_NUMBER(Kind.IDENTIFIER, false, "台账编号", "ledgerNumber", "编号"),
        MINE(Kind.REFERENCE, false, "矿山名称", "mine", "矿山", "mineName"),
        LICENCE_NUMBER(Kind.REFERENCE, false, "采矿许可证号", "licenceNumber", "licenseNumber", "许可证号"),
        VIOLATION_TYPES(Kind.REFERENCES, true, "问题类型", "violationTypes", "违法违规类型"),
        SOURCE(Kind.TERM, true, "问题来源", "source", "来源"),
        FOUND_ON(Kind.DATE, true, "发现日期", "foundOn", "发现时间"),
        DESCRIPTION(Kind.TEXT, true, "问题描述", "description", "问题"),
        SEVERITY(Kind.TERM, false, "严重程度", "severity"),
        MEASURES(Kind.TEXT, false, "整改措施", "measures"),
        DEADLINE(Kind.DATE, false, "整改期限", "deadline", "整改时限"),
        LEAD_UNIT(Kind.REFERENCE, false, "责任单位", "leadUnit", "牵头单位"),
        SUPPORTING_UNITS(Kind.REFERENCES, false, "配合单位", "supportingUnits"),
        RESPONSIBLE_PERSON(Kind.REFERENCE, false, "责任人", "responsiblePerson", "责任人员"),
        STATUS(Kind.TERM, false, "状态", "status", "整改状态"),
        CLOSED_ON(Kind.DATE, false, "销号日期", "closedOn"),
        /** The problem's version when it was exported: a re-import of a row that changed since is a conflict. */
        VERSION(Kind.NUMBER, false, "版本", "version");

        final Kind kind;
        final boolean required;
        final String header;
        final List<String> accepted;

        Column(Kind kind, boolean required, String header, String... others) {
            this.kind = kind;
            this.required = required;
            this.header = header;
            this.accepted = new ArrayList<>(List.of(others));
            this.accepted.add(header);
        }

        static Column byHeader(String header) {
            String wanted = header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.accepted.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted))) {
                    return column;
                }
            }
            return null;
        }
    }

    /**
     * One data row: its number as a person counts it in the file (header = row 1), and its cells by column; a
     * column the file does not have is absent from the cells.
     */
    record SheetRow(int number, Map<Column, String> cells) {
        String get(Column column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean has(Column column) {
            return cells.containsKey(column);
        }
    }

    /**
     * Data rows in one file. One file is one transaction, and 20,000 rows overrun the embedded engine's transaction
     * memory with a 768 MiB heap (see the benchmark in the README), so a file stops at half that.
     */
    static final int MAX_ROWS = 10_000;
    /** Filled cells in one file, header included: the columns of {@link #MAX_ROWS} rows twice over. */
    static final int MAX_CELLS = 2 * (MAX_ROWS + 1) * Column.values().length;
    /** The most an XLSX part (the sheet, the shared strings) may expand to. */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    /**
     * The least compressed size of an XLSX part per byte expanded (1:50). Our own export of a ledger compresses
     * about 1:10; a part that expands fifty-fold is built to exhaust memory.
     */
    static final double MIN_INFLATE_RATIO = 0.02;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private LedgerSheet() {
    }

    /** A CSV file in UTF-8 (with or without a byte order mark) or GB18030/GBK, as Excel saves it on Chinese Windows. */
    static List<SheetRow> readCsv(byte[] bytes) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(decode(bytes)))) {
            Map<Integer, Column> columns = columns(parser.getHeaderNames());
            List<SheetRow> rows = new ArrayList<>();
            long cells = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                cells += record.size();
                limit(rows.size() + 1, cells);
                Map<Column, String> row = new LinkedHashMap<>();
                columns.forEach((index, column) -> row.put(column, index < record.size() ? plain(record.get(index)) : ""));
                rows.add(new SheetRow((int) record.getRecordNumber() + 1, row));
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable CSV: " + e.getCause().getMessage());
        }
    }

    /**
     * The text of a CSV file: UTF-8 when the bytes are valid UTF-8 (a byte order mark dropped), else GB18030 (which
     * GBK is a part of) when they are valid GB18030; else refused, naming the line where the decoding that got
     * further failed. Both decoders report bad bytes instead of replacing them, so nothing is stored as mojibake.
     */
    static String decode(byte[] bytes) {
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        Decoded utf8 = decode(bytes, bom, StandardCharsets.UTF_8);
        if (utf8.text() != null) {
            return utf8.text();
        }
        Decoded gb18030 = decode(bytes, 0, Charset.forName("GB18030"));
        if (gb18030.text() != null) {
            return gb18030.text();
        }
        int at = Math.max(utf8.failedAt(), gb18030.failedAt());
        int line = 1;
        for (int i = 0; i < at; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        throw new LedgerImportException("The file is neither UTF-8 nor GB18030 (GBK) text; nothing was imported",
                List.of(new RowError(line, null, Fault.UNDECODABLE_TEXT, "第 " + line
                        + " 行有无法识别的字符;请另存为 UTF-8 或 GBK 编码的 CSV / line " + line
                        + " holds bytes that are neither UTF-8 nor GB18030; save the file as CSV in UTF-8 or GBK")));
    }

    /** Text decoded strictly, or where it stopped being valid in that charset. */
    private record Decoded(String text, int failedAt) {
    }

    private static Decoded decode(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        return new Decoded(out.flip().toString(), -1);
    }

    /** A cell the export made inert (a leading ' before =, +, -, @) as it was before. */
    private static String plain(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /**
     * The first sheet of an XLSX workbook, read as a stream of rows (POI's event API): memory holds the rows kept,
     * the shared strings, and nothing of the sheet's XML. The workbook is read from a file, so only the parts read are
     * expanded, each within {@link #MAX_ENTRY_BYTES} and {@link #MIN_INFLATE_RATIO}.
     */
    static List<SheetRow> readXlsx(Path file) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.of();
            }
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            SheetRows rows = new SheetRows();
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles == null ? new StylesTable() : styles, strings, rows,
                        new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
            return rows.rows;
        } catch (LedgerImportException refusal) {
            throw refusal;
        } catch (Exception e) {
            LedgerImportException refusal = refusal(e);
            if (refusal != null) {
                throw refusal;
            }
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** A refusal thrown from inside the parser, or POI's zip-bomb guard, found in a chain of causes. */
    private static LedgerImportException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerImportException refusal) {
                return refusal;
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith("Zip bomb detected")) {
                return new LedgerImportException(Code.XLSX_TOO_EXPANDED, "A part of the workbook expands more than "
                        + Math.round(1 / MIN_INFLATE_RATIO) + "-fold or beyond " + MAX_ENTRY_BYTES / (1024 * 1024)
                        + " MiB; nothing was imported");
            }
        }
        return null;
    }

    /** Rows as the sheet streams them: the first filled row is the header, blank rows are skipped. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<SheetRow> rows = new ArrayList<>();
        private Map<Integer, Column> columns;
        private Map<Integer, String> cells = new LinkedHashMap<>();
        private long cellCount;
        private int nextColumn;

        @Override
        public void startRow(int rowNum) {
            cells = new LinkedHashMap<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            limit(rows.size(), ++cellCount);
            cells.put(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (columns == null) {
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                List<String> names = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    names.add(cells.getOrDefault(c, ""));
                }
                columns = columns(names);
                return;
            }
            limit(rows.size() + 1, cellCount);
            Map<Column, String> row = new LinkedHashMap<>();
            columns.forEach((index, column) -> row.put(column, cells.getOrDefault(index, "")));
            rows.add(new SheetRow(rowNum + 1, row));
        }
    }

    /** Dates as ISO text (2023-05-10), whatever date format the cell shows; numbers as the cell shows them. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static void limit(int rows, long cells) {
        if (rows > MAX_ROWS) {
            throw new LedgerImportException(Code.TOO_MANY_ROWS, "A file may hold at most " + MAX_ROWS
                    + " data rows; split it into files of " + MAX_ROWS + " rows or fewer");
        }
        if (cells > MAX_CELLS) {
            throw new LedgerImportException(Code.TOO_MANY_CELLS, "A file may hold at most " + MAX_CELLS
                    + " filled cells; remove the columns the ledger does not use");
        }
    }

    private static Map<Integer, Column> columns(List<String> headers) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Column column = Column.byHeader(name);
            if (column == null) {
                errors.add(new RowError(1, name.strip(), Fault.UNKNOWN_COLUMN,
                        "未知列 / unknown column; see /ledger/import-template.csv for the columns"));
            } else if (columns.containsValue(column)) {
                errors.add(new RowError(1, column.header, Fault.DUPLICATE_COLUMN, "列重复 / the column appears twice"));
            } else {
                columns.put(i, column);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsValue(column)) {
                errors.add(new RowError(1, column.header, Fault.MISSING_COLUMN, "缺少必填列 / missing column"));
            }
        }
        if (!columns.containsValue(Column.MINE) && !columns.containsValue(Column.LICENCE_NUMBER)) {
            errors.add(new RowError(1, Column.MINE.header, Fault.MISSING_COLUMN,
                    "缺少矿山名称或采矿许可证号 / missing column " + Column.MINE.header + " or " + Column.LICENCE_NUMBER.header));
        }
        if (!errors.isEmpty()) {
            throw new LedgerImportException("The header row is not the ledger's; nothing was imported", errors);
        }
        return columns;
    }

    static void writeCsv(List<Map<Column, String>> rows, OutputStream out) {
        try {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(headers());
            for (Map<Column, String> row : rows) {
                printer.printRecord(List.of(Column.values()).stream().map(c -> inert(row.getOrDefault(c, ""))).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeXlsx(List<Map<Column, String>> rows, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("问题台账");
            Row header = sheet.createRow(0);
            List<String> headers = headers();
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            int r = 1;
            for (Map<Column, String> row : rows) {
                Row line = sheet.createRow(r++);
                Column[] columns = Column.values();
                for (int c = 0; c < columns.length; c++) {
                    line.createCell(c).setCellValue(row.getOrDefault(columns[c], ""));
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell that a spreadsheet program shows as text, never runs as a formula (CSV injection). */
    private static String inert(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static List<String> headers() {
        return List.of(Column.values()).stream().map(c -> c.header).toList();
    }

    static LocalDate date(String value) {
        for (String pattern : List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d")) {
            try {
                return LocalDate.parse(value, DateTimeFormatter.ofPattern(pattern));
            } catch (RuntimeException ignored) {
                // try the next way people write dates
            }
        }
        return null;
    }
}
