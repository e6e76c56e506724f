package cn.changjiang.mining;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.types.MapAccessor;

/**
 * Query results become records at the Cypher boundary: a driver result is read by key ({@code get("name")},
 * {@code asMap()}) only inside a record (its {@code from(Value)} factory is the mapping layer), in
 * {@code graph} (which runs the queries) and in {@code backup} (which copies whatever the graph holds). Services,
 * controllers and logic work on records and enums, so a misspelt key fails where the record is made.
 */
class TypedResultsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.changjiang.mining");

    private static final DescribedPredicate<JavaClass> RECORD_OR_NESTED_IN_RECORD =
            DescribedPredicate.describe("a record", TypedResultsTest::inRecord);

    @Test
    void onlyRecordsReadQueryResultsByKey() {
        noClasses()
                .that(DescribedPredicate.not(RECORD_OR_NESTED_IN_RECORD))
                .and().resideOutsideOfPackages("..mining.graph..", "..mining.backup..")
                .should().callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(MapAccessor.class)))
                        .and(target(nameMatching("get|asMap|keys|containsKey"))))
                .because("query results are read into records at the Cypher boundary")
                .check(MAIN);
    }

    /** A record, or a lambda or nested class declared inside one (a factory's {@code v -> …} is compiled there). */
    private static boolean inRecord(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isRecord()) {
                return true;
            }
        }
        return false;
    }
}
