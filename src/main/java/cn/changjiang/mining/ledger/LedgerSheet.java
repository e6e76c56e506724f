package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger's spreadsheet columns (Chinese headers as units write them, English names accepted too) and the
 * reading and writing of CSV and XLSX files with them.
 */
final class LedgerSheet {

    /** A column: its key, the header written on export and in the template, and the other headers accepted. */
    enum Column {
        LEDGER_NUMBER("台账编号", "ledgerNumber", "编号"),
        MINE("矿山名称", "mine", "矿山", "mineName"),
        LICENCE_NUMBER("采矿许可证号", "licenceNumber", "licenseNumber", "许可证号"),
        VIOLATION_TYPES("问题类型", "violationTypes", "违法违规类型"),
        SOURCE("问题来源", "source", "来源"),
        FOUND_ON("发现日期", "foundOn", "发现时间"),
        DESCRIPTION("问题描述", "description", "问题"),
        SEVERITY("严重程度", "severity"),
        MEASURES("整改措施", "measures"),
        DEADLINE("整改期限", "deadline", "整改时限"),
        LEAD_UNIT("责任单位", "leadUnit", "牵头单位"),
        SUPPORTING_UNITS("配合单位", "supportingUnits"),
        RESPONSIBLE_PERSON("责任人", "responsiblePerson", "责任人员"),
        STATUS("状态", "status", "整改状态"),
        CLOSED_ON("销号日期", "closedOn");

        final String header;
        final List<String> accepted;

        Column(String header, String... others) {
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

    /** One data row: its number as a person counts it in the file (header = row 1), and its cells by column. */
    record SheetRow(int number, Map<Column, String> cells) {
        String get(Column column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    static final int MAX_ROWS = 1_000_000;

    private LedgerSheet() {
    }

    static List<SheetRow> readCsv(InputStream in) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<Integer, Column> columns = columns(parser.getHeaderNames());
            List<SheetRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                limit(rows.size());
                Map<Column, String> cells = new LinkedHashMap<>();
                columns.forEach((index, column) -> {
                    if (index < record.size()) {
                        cells.put(column, record.get(index));
                    }
                });
                rows.add(new SheetRow((int) record.getRecordNumber() + 1, cells));
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new LedgerImportException("The file is not a readable CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new LedgerImportException("The file is not a readable CSV: " + e.getCause().getMessage());
        }
    }

    static List<SheetRow> readXlsx(InputStream in) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return List.of();
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                names.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            Map<Integer, Column> columns = columns(names);
            List<SheetRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                limit(rows.size());
                Map<Column, String> cells = new LinkedHashMap<>();
                columns.forEach((index, column) -> cells.put(column, text(row.getCell(index), formatter)));
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                rows.add(new SheetRow(r + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LedgerImportException refusal) {
                throw refusal;
            }
            throw new LedgerImportException("The file is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    private static void limit(int rows) {
        if (rows >= MAX_ROWS) {
            throw new LedgerImportException("A file may hold at most " + MAX_ROWS + " rows; split it");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    private static Map<Integer, Column> columns(List<String> headers) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Column column = Column.byHeader(name);
            if (column == null) {
                unknown.add(name);
            } else if (columns.containsValue(column)) {
                throw new LedgerImportException("Column " + column.header + " appears twice");
            } else {
                columns.put(i, column);
            }
        }
        if (!unknown.isEmpty()) {
            throw new LedgerImportException("Unknown columns: " + String.join(", ", unknown)
                    + "; see /ledger/import-template.csv for the columns");
        }
        for (Column required : List.of(Column.VIOLATION_TYPES, Column.SOURCE, Column.FOUND_ON, Column.DESCRIPTION)) {
            if (!columns.containsValue(required)) {
                throw new LedgerImportException("Missing column " + required.header);
            }
        }
        if (!columns.containsValue(Column.MINE) && !columns.containsValue(Column.LICENCE_NUMBER)) {
            throw new LedgerImportException("Missing column " + Column.MINE.header + " or " + Column.LICENCE_NUMBER.header);
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
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
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
