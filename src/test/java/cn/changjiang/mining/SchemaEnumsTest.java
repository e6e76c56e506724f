package cn.changjiang.mining;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code enum} of the schema ({@code schema/*.graphqls}) has a Java enum of the same simple name in the
 * application ({@code cn.changjiang.mining}, any sub-package), with exactly the same constants: Spring for GraphQL maps
 * one to the other by name, both ways, so a constant missing on either side only fails at run time. One failure lists
 * every enum missing or different.
 */
class SchemaEnumsTest {

    private static final String ROOT_PACKAGE = "cn.changjiang.mining";

    @Test
    void everySchemaEnumHasAJavaEnumWithTheSameConstants() throws Exception {
        Map<String, Set<String>> schemaEnums = schemaEnums(Path.of("schema"));
        assertThat(schemaEnums).as("enums in schema/*.graphqls").containsKeys("IssueStatus", "SortDirection");
        Map<String, List<Class<?>>> javaEnums = javaEnums();

        List<String> problems = new ArrayList<>();
        schemaEnums.forEach((name, constants) -> {
            List<Class<?>> candidates = javaEnums.getOrDefault(name, List.of());
            if (candidates.isEmpty()) {
                problems.add("enum " + name + " " + constants + ": no Java enum named " + name + " under " + ROOT_PACKAGE);
            } else if (candidates.size() > 1) {
                problems.add("enum " + name + ": several Java enums share the name: "
                        + candidates.stream().map(Class::getName).toList());
            } else {
                Set<String> java = constantsOf(candidates.getFirst());
                if (!java.equals(constants)) {
                    Set<String> missing = new LinkedHashSet<>(constants);
                    missing.removeAll(java);
                    Set<String> extra = new LinkedHashSet<>(java);
                    extra.removeAll(constants);
                    problems.add("enum " + name + ": " + candidates.getFirst().getName() + " has " + java + ", the schema "
                            + constants + " (missing in Java: " + missing + ", not in the schema: " + extra + ")");
                }
            }
        });
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + schemaEnums.size() + " schema enums have no matching Java enum:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void readsTheConstantsOfASchemaEnumAndOfAJavaEnum() throws IOException {
        Path dir = Files.createTempDirectory("schema-enums");
        Files.writeString(dir.resolve("a.graphqls"), """
                "Doc." enum Colour { "Red." RED GREEN }
                extend enum Colour { BLUE }
                type Query { colour: Colour }""");
        assertThat(schemaEnums(dir)).containsExactly(Map.entry("Colour", Set.of("RED", "GREEN", "BLUE")));
        assertThat(constantsOf(Thread.State.class)).contains("NEW", "RUNNABLE", "TERMINATED");
    }

    /** The constants of every enum the schema files in {@code dir} define or extend, by enum name. */
    static Map<String, Set<String>> schemaEnums(Path dir) throws IOException {
        Map<String, Set<String>> enums = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
                        .document(Files.readString(file, StandardCharsets.UTF_8))
                        .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
                for (EnumTypeDefinition definition : document.getDefinitionsOfType(EnumTypeDefinition.class)) {
                    enums.computeIfAbsent(definition.getName(), n -> new LinkedHashSet<>())
                            .addAll(definition.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
                }
            }
        }
        return enums;
    }

    /** The enums compiled from src/main under {@value #ROOT_PACKAGE}, by simple name. */
    private static Map<String, List<Class<?>>> javaEnums() throws IOException, URISyntaxException {
        Path classes = Path.of(AccountabilityGraphApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve(ROOT_PACKAGE.replace('.', '/'));
        List<Class<?>> enums = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
                try {
                    Class<?> type = Class.forName(name, false, SchemaEnumsTest.class.getClassLoader());
                    if (type.isEnum()) {
                        enums.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Cannot load " + name, e);
                }
            }
        }
        assertThat(enums).as("Java enums found under " + root).isNotEmpty();
        return enums.stream().collect(Collectors.groupingBy(Class::getSimpleName));
    }

    private static Set<String> constantsOf(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
