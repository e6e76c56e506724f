package cn.changjiang.mining.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import cn.changjiang.mining.ledger.LedgerImportException.Code;
import cn.changjiang.mining.ledger.LedgerImportException.Fault;
import cn.changjiang.mining.ledger.LedgerImportException.RowError;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
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
import org.apache.poi.xssf.usermodel.XSSFRelation;
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
     * Data rows in one file: a province's ledger at once. A file is read as a stream and written in batches of
     * {@link LedgerImport#BATCH_ROWS} rows (by default), each its own transaction, so its size no longer meets the engine's
     * transaction memory; what bounds it is the time one upload takes.
     */
    static final int MAX_ROWS = 1_000_000;
    /** Filled cells in one file, header included: the columns of {@link #MAX_ROWS} rows twice over. */
    static final long MAX_CELLS = 2L * (MAX_ROWS + 1) * Column.values().length;
    /** The most an XLSX part may expand to: the sheet is read as a stream, so this bounds time and disk, not memory. */
    static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024 * 1024 - 1;
    /**
     * The most the shared strings of an XLSX workbook may expand to: they are the one part held in memory while the
     * sheet streams (Excel writes every text cell there; our export writes text inline, so it has none).
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

    /** How many rows and filled cells a reading accepts. */
    record Limits(int maxRows, long maxCells) {
        static final Limits FILE = new Limits(MAX_ROWS, MAX_CELLS);
    }
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
        return readCsv(bytes, Limits.FILE);
    }

    static List<SheetRow> readCsv(byte[] bytes, Limits limits) {
        List<SheetRow> rows = new ArrayList<>();
        parseCsv(new StringReader(decode(bytes)), limits, rows::add);
        return rows;
    }

    /**
     * A CSV file on disk, row by row, never whole in memory: its encoding is found in one streaming pass (as
     * {@link #decode(byte[])} decides it), then its rows are parsed as they are read and handed to {@code each}.
     */
    static void readCsv(Path file, Limits limits, Consumer<SheetRow> each) {
        Charset charset = charsetOf(file);
        try (InputStream in = Files.newInputStream(file)) {
            if (charset == StandardCharsets.UTF_8) {
                byte[] start = in.readNBytes(3);
                boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
                parseCsv(new BufferedReader(new InputStreamReader(new SequenceInputStream(
                        new ByteArrayInputStream(bom ? new byte[0] : start), in), strict(charset)), 1 << 16), limits, each);
            } else {
                parseCsv(new BufferedReader(new InputStreamReader(in, strict(charset)), 1 << 16), limits, each);
            }
        } catch (IOException e) {
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable CSV: " + e.getMessage());
        }
    }

    private static void parseCsv(Reader text, Limits limits, Consumer<SheetRow> each) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(text)) {
            Map<Integer, Column> columns = columns(parser.getHeaderNames());
            long cells = parser.getHeaderNames().size();
            int count = 0;
            for (CSVRecord record : parser) {
                cells += record.size();
                limit(limits, ++count, cells);
                Map<Column, String> row = new EnumMap<>(Column.class);
                columns.forEach((index, column) -> row.put(column, index < record.size() ? plain(record.get(index)) : ""));
                each.accept(new SheetRow((int) record.getRecordNumber() + 1, row));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new LedgerImportException(Code.UNREADABLE_FILE, "The file is not a readable CSV: " + e.getCause().getMessage());
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The charset of a CSV file on disk, decided as {@link #decode(byte[])} decides it, in passes of a fixed buffer:
     * UTF-8 if the whole file is valid UTF-8, else GB18030 if it is valid GB18030, else refused naming the line.
     */
    static Charset charsetOf(Path file) {
        long utf8 = failedAt(file, StandardCharsets.UTF_8);
        if (utf8 < 0) {
            return StandardCharsets.UTF_8;
        }
        Charset gb18030 = Charset.forName("GB18030");
        long gb = failedAt(file, gb18030);
        if (gb < 0) {
            return gb18030;
        }
        long at = Math.max(utf8, gb);
        int line = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (long i = 0; i < at; i++) {
                line += in.read() == '\n' ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw undecodable(line);
    }

    /** Where a file stops being valid in a charset (a byte offset), or -1 when it is valid throughout. */
    private static long failedAt(Path file, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        try (var channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                int before = in.position();
                CoderResult result = decoder.decode(in, out, end);
                while (result.isOverflow()) {
                    out.clear();
                    result = decoder.decode(in, out, end);
                }
                if (result.isError()) {
                    return consumed + in.position() - before;
                }
                consumed += in.position() - before;
                out.clear();
                in.compact();
            }
            CoderResult flushed = decoder.flush(out);
            return flushed.isError() ? consumed : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LedgerImportException undecodable(int line) {
        return new LedgerImportException("The file is neither UTF-8 nor GB18030 (GBK) text; nothing was imported",
                List.of(new RowError(line, null, Fault.UNDECODABLE_TEXT, "第 " + line
                        + " 行有无法识别的字符;请另存为 UTF-8 或 GBK 编码的 CSV / line " + line
                        + " holds bytes that are neither UTF-8 nor GB18030; save the file as CSV in UTF-8 or GBK")));
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
        throw undecodable(line);
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
        return readXlsx(file, Limits.FILE);
    }

    static List<SheetRow> readXlsx(Path file, Limits limits) {
        List<SheetRow> rows = new ArrayList<>();
        readXlsx(file, limits, rows::add);
        return rows;
    }

    /**
     * {@link #readXlsx(Path)} row by row: each row is handed to {@code each} as the sheet's XML streams past, so
     * memory holds one row and the shared strings (at most {@link #MAX_SHARED_STRINGS_BYTES} of them).
     */
    static void readXlsx(Path file, Limits limits, Consumer<SheetRow> each) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = sharedStrings(workbook);
            SheetRows rows = new SheetRows(limits, each);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles == null ? new StylesTable() : styles, strings, rows,
                        new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
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

    /** The workbook's shared strings, read up to {@link #MAX_SHARED_STRINGS_BYTES}: the one part held in memory. */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage workbook) throws Exception {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(workbook, false);
        }
        try (InputStream in = parts.getFirst().getInputStream()) {
            return new ReadOnlySharedStringsTable(new BoundedInputStream(in, MAX_SHARED_STRINGS_BYTES), false);
        }
    }

    /** An input that refuses the workbook once more than {@code max} bytes have been read from it. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long max;
        private long read;

        BoundedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new LedgerImportException(Code.XLSX_TOO_EXPANDED, "The workbook's shared strings expand beyond "
                        + max / (1024 * 1024) + " MiB; save a sheet this large as CSV (UTF-8 or GBK) and import that");
            }
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
        private final Limits limits;
        private final Consumer<SheetRow> each;
        private int rows;
        private Map<Integer, Column> columns;
        private Map<Integer, String> cells = new LinkedHashMap<>();
        private long cellCount;
        private int nextColumn;

        SheetRows(Limits limits, Consumer<SheetRow> each) {
            this.limits = limits;
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new LinkedHashMap<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            limit(limits, rows, ++cellCount);
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
            limit(limits, ++rows, cellCount);
            Map<Column, String> row = new EnumMap<>(Column.class);
            columns.forEach((index, column) -> row.put(column, cells.getOrDefault(index, "")));
            each.accept(new SheetRow(rowNum + 1, row));
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

    private static void limit(Limits limits, int rows, long cells) {
        if (rows > limits.maxRows()) {
            throw new LedgerImportException(Code.TOO_MANY_ROWS, "A file may hold at most " + limits.maxRows()
                    + " data rows; split it into files of " + limits.maxRows() + " rows or fewer");
        }
        if (cells > limits.maxCells()) {
            throw new LedgerImportException(Code.TOO_MANY_CELLS, "A file may hold at most " + limits.maxCells()
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
