package cn.changjiang.mining.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A statement that writes goes through {@code graph.write}/{@code graph.writeSingle}: {@code graph.list} and
 * {@code graph.single} outside a mutation's transaction run in a read-only transaction, which a cluster routes to a
 * secondary and which the database refuses to let write. The database catches the rest at run time; this catches,
 * before anything runs, every statement written out in the source whose reading call would write.
 */
class WritesDeclaredTest {

    /** A reading call on a runner ({@code graph}, {@code reads}) with its statement written out, and what fills it in. */
    private static final Pattern READING_CALL = Pattern.compile(
            "\\b(?:graph|reads)\\.(list|single)\\(\\s*(\"\"\"[\\s\\S]*?\"\"\"|\"[^\"]*\")(\\s*\\.formatted\\(([^;]*?)\\)\\s*,)?");
    /** A constant holding a statement, which a reading call may fill in with {@code formatted}. */
    private static final Pattern CONSTANT = Pattern.compile(
            "\\b([A-Z][A-Z0-9_]*)\\s*=\\s*(\"\"\"[\\s\\S]*?\"\"\"|\"[^\"]*\")");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
    private static final Pattern WRITE_CLAUSE = Pattern.compile("\\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\\b");

    @Test
    void noReadingCallCarriesAWriteClause() throws IOException {
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file, Files.readString(file));
            }
        }
        Map<String, String> constants = new HashMap<>();
        sources.values().forEach(source -> {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.merge(constant.group(1), constant.group(2), (a, b) -> a + "\n" + b);
            }
        });
        List<String> offenders = new ArrayList<>();
        sources.forEach((file, source) -> {
            Matcher call = READING_CALL.matcher(source);
            while (call.find()) {
                if (WRITE_CLAUSE.matcher(statement(call, constants)).find()) {
                    offenders.add(file + ":" + lineOf(source, call.start()));
                }
            }
        });
        assertThat(offenders).as("reading calls whose statement writes").isEmpty();
    }

    /** The statement of a reading call, with the constants it is filled in with (formatted's arguments). */
    private static String statement(Matcher call, Map<String, String> constants) {
        StringBuilder statement = new StringBuilder(call.group(2));
        if (call.group(4) != null) {
            Matcher name = NAME.matcher(call.group(4));
            while (name.find()) {
                statement.append('\n').append(constants.getOrDefault(name.group(), ""));
            }
        }
        return statement.toString();
    }

    @Test
    void theScanFindsAWriteInAReadingCallOrInWhatFillsItIn() {
        Map<String, String> constants = Map.of("RANK", "SET m.rank = 1");
        Matcher call = READING_CALL.matcher("x = graph.single(\"\"\"\n  MATCH (m:Mine) SET m.x = 1 RETURN m AS item\"\"\", Map.of(), v -> v);");
        assertThat(call.find()).isTrue();
        assertThat(WRITE_CLAUSE.matcher(statement(call, constants)).find()).isTrue();
        Matcher read = READING_CALL.matcher("reads.list(\"MATCH (m:Mine) RETURN m.settlement AS item\", Map.of(), v -> v)");
        assertThat(read.find()).isTrue();
        assertThat(WRITE_CLAUSE.matcher(statement(read, constants)).find()).isFalse();
        Matcher filled = READING_CALL.matcher("reads.single(\"\"\"\n MATCH (m:Mine)\n %s RETURN 1 AS item\"\"\".formatted(Other.RANK), Map.of(), v -> v)");
        assertThat(filled.find()).isTrue();
        assertThat(WRITE_CLAUSE.matcher(statement(filled, constants)).find()).as("through a constant").isTrue();
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
