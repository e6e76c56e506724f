package cn.changjiang.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Query field that lists, pages, counts or ranks the ledger's, mines', units' or people's data, and every
 * Subscription that streams them, takes a {@code jurisdiction} (docs/plan-graph.md#scope): read from the SDL alone, so a
 * new list field left unscoped fails here before any data is read.
 */
class ScopedFieldsTest {

    /** The types whose lists are scoped: the ledger, mines, units, people, and what is counted or ranked from them. */
    private static final Set<String> SCOPED_TYPES = Set.of("Issue", "Mine", "Township", "Unit", "Person",
            "JointEnforcementCandidate", "JointEnforcementAction", "UnitScorecard", "IssueCountGroup", "TimeSeriesPoint",
            "SearchHit", "MineDistance", "Change");

    /** Fields whose answer is not a list type but a list all the same (a GeoJSON collection of mines). */
    private static final Set<String> SCOPED_BY_NAME = Set.of("Query.minesGeoJson");

    /** The deliberate exceptions, each with its reason. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "Query.history", "a read by id: a problem outside the jurisdiction has no history to show, as an unknown id");

    @Test
    void shouldScopeEveryListOfLedgerMineUnitAndPersonData() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        Set<String> connections = new TreeSet<>();
        registry.getTypes(ObjectTypeDefinition.class).forEach(type -> {
            if (type.getName().endsWith("Connection")) {
                type.getFieldDefinitions().stream().filter(f -> f.getName().equals("edges")).findFirst()
                        .flatMap(edges -> registry.getType(named(edges.getType()), ObjectTypeDefinition.class))
                        .flatMap(edge -> edge.getFieldDefinitions().stream().filter(f -> f.getName().equals("node")).findFirst())
                        .filter(node -> SCOPED_TYPES.contains(named(node.getType())))
                        .ifPresent(node -> connections.add(type.getName()));
            }
        });
        assertThat(connections).as("connections of scoped types").contains("IssueConnection", "MineConnection",
                "UnitConnection", "PersonConnection", "JointEnforcementCandidateConnection");

        List<String> scoped = new ArrayList<>();
        List<String> unscoped = new ArrayList<>();
        for (String root : List.of("Query", "Subscription")) {
            List<FieldDefinition> fields = new ArrayList<>();
            registry.getType(root, ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
            registry.objectTypeExtensions().getOrDefault(root, List.of()).forEach(t -> fields.addAll(t.getFieldDefinitions()));
            for (FieldDefinition field : fields) {
                String name = root + "." + field.getName();
                String type = named(field.getType());
                boolean listsScopedData = SCOPED_BY_NAME.contains(name)
                        || connections.contains(type)
                        || (SCOPED_TYPES.contains(type) && (isList(field.getType()) || root.equals("Subscription")));
                if (!listsScopedData || EXCEPTIONS.containsKey(name)) {
                    continue;
                }
                boolean hasJurisdiction = field.getInputValueDefinitions().stream()
                        .anyMatch(arg -> arg.getName().equals("jurisdiction") && named(arg.getType()).equals("ID")
                                && !(arg.getType() instanceof NonNullType));
                (hasJurisdiction ? scoped : unscoped).add(name);
            }
        }
        assertThat(unscoped).as("list fields without an optional jurisdiction: ID").isEmpty();
        assertThat(scoped).as("the walk found the fields it is about").contains("Query.issues", "Query.mines",
                "Query.issueCounts", "Query.jointEnforcementCandidates", "Query.unitScorecards", "Query.people",
                "Query.search", "Query.minesGeoJson", "Subscription.ledgerChanged",
                "Subscription.jointEnforcementCandidateAppeared");
    }

    private static String named(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return named(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return named(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static boolean isList(Type<?> type) {
        return type instanceof ListType || (type instanceof NonNullType nonNull && nonNull.getType() instanceof ListType);
    }
}
