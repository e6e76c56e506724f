package cn.changjiang.mining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every {@code where} answers, on every list that takes one: read from the schema itself, each filter
 * field (and, three levels down, those of the related nodes a {@code where} reaches) is asked once with a value of its
 * type, and the list must answer without an error. So no condition can need a parameter its list does not bind, nor
 * be missing from the compiler's specs, without a test failing.
 */
class WhereFieldsTest extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyFieldOfEveryWhereAnswersOnEveryListThatTakesOne() {
        List<String> asked = new ArrayList<>();
        for (GraphQLFieldDefinition list : graphQlSource.schema().getQueryType().getFieldDefinitions()) {
            GraphQLArgument where = list.getArgument("where");
            if (where == null) {
                continue;
            }
            GraphQLInputObjectType type = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(where.getType());
            Map<String, Object> required = new LinkedHashMap<>();
            for (GraphQLArgument argument : list.getArguments()) {
                if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    required.put(argument.getName(), sample(argument.getType()));
                }
            }
            StringBuilder fixed = new StringBuilder();
            required.forEach((name, value) -> fixed.append(", ").append(name).append(": ")
                    .append(value instanceof List<?> values ? values.toString() : value));
            // Twenty conditions a request, each an alias of the list with a where of its own; five of a list that
            // may walk all its records (@walksAll: each such alias costs its walk).
            int perRequest = list.getAppliedDirective("walksAll") == null ? 20 : 5;
            List<Map<String, Object>> conditions = conditions(type, 0);
            for (int from = 0; from < conditions.size(); from += perRequest) {
                List<Map<String, Object>> chunk = conditions.subList(from, Math.min(from + perRequest, conditions.size()));
                StringBuilder variables = new StringBuilder();
                StringBuilder selections = new StringBuilder();
                for (int n = 0; n < chunk.size(); n++) {
                    variables.append(n == 0 ? "" : ", ").append("$w").append(n).append(": ").append(type.getName());
                    selections.append(" a").append(n).append(": ").append(list.getName()).append("(where: $w").append(n)
                            .append(fixed).append(") { __typename }");
                }
                var request = graphQl.document("query(" + variables + ") {" + selections + " }");
                for (int n = 0; n < chunk.size(); n++) {
                    request = request.variable("w" + n, chunk.get(n));
                    asked.add(list.getName() + " " + chunk.get(n));
                }
                request.execute().errors().satisfy(errors -> assertThat(errors).as(list.getName() + " " + chunk).isEmpty());
            }
        }
        assertThat(asked).as("lists and fields asked").hasSizeGreaterThan(100)
                .anySatisfy(a -> assertThat(a).startsWith("changes {issue={overdue=true}}"))
                .anySatisfy(a -> assertThat(a).startsWith("jointEnforcementActions {issues={some={overdue=true}}}"))
                .anySatisfy(a -> assertThat(a).startsWith("issues {assignments={some={unit={id={eq="));
    }

    /** One condition per filterable field of {@code type}, and of the related nodes below it, each on its own. */
    private static List<Map<String, Object>> conditions(GraphQLInputObjectType type, int depth) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            String name = field.getName();
            if (List.of("AND", "OR", "NOT").contains(name)) {
                continue;
            }
            GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
            if (fieldType instanceof GraphQLScalarType) {
                all.add(Map.of(name, sample(field.getType())));
            } else if (fieldType instanceof GraphQLInputObjectType input && input.getName().endsWith("Where")) {
                if (depth < 3) {
                    GraphQLInputObjectField some = input.getField("some");
                    for (Map<String, Object> inner : conditions(some == null ? input
                            : (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(some.getType()), depth + 1)) {
                        all.add(Map.of(name, some == null ? inner : Map.of("some", inner)));
                    }
                }
            } else if (fieldType instanceof GraphQLInputObjectType filter) {
                // A field's filter: equal to a value of its type (a moment only takes a range).
                GraphQLInputObjectField eq = filter.getField("eq");
                all.add(eq != null ? Map.of(name, Map.of("eq", sample(eq.getType())))
                        : Map.of(name, Map.of("gt", sample(filter.getField("gt").getType()))));
            }
        }
        return all;
    }

    /** A value of a type: as a variable's value, or (for a required argument) as GraphQL literal text. */
    private static Object sample(GraphQLInputType type) {
        GraphQLType inner = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (inner instanceof GraphQLList list) {
            return List.of(sample((GraphQLInputType) list.getWrappedType()));
        }
        if (inner instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        return switch (((GraphQLNamedType) inner).getName()) {
            case "Boolean" -> true;
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Date" -> "2023-05-01";
            case "DateTime" -> "2023-05-01T00:00:00+08:00";
            default -> "x";
        };
    }
}
