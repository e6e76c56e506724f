package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The read policy's rules without a database: declarations by file, narrowing, the allow-list default. */
class ReadPolicyTest {

    private static final String PLAN = """
            type Query { plan: Plan  secret: Int }
            type Plan { title: String  people: [Person] }
            """;
    private static final String PEOPLE = """
            type Person { name: String  phone: String }
            extend type Plan { headcount: Int }
            type Problem { title: String  description: String }
            """;

    private static final ProblemUnits POLICE_IS_ON_P1 = unit -> unit.equals("POLICE") ? Set.of("p1") : Set.of();

    private static ReadPolicy policy() {
        ReadRules plan = rules -> rules.schemaFile("plan.graphqls", Audience.ANYONE)
                .fields(Audience.SIGNED_IN, "Query.secret");
        ReadRules people = rules -> rules.schemaFile("people.graphqls", Audience.SIGNED_IN)
                .fields(Audience.CONTACT_READERS, "Person.phone")
                .fields(Audience.PROBLEM_UNITS, "Problem.description")
                .problemOf("Problem", problem -> (String) problem);
        return new ReadPolicy(List.of(plan, people), POLICE_IS_ON_P1,
                Map.of("plan.graphqls", PLAN, "people.graphqls", PEOPLE, "forgotten.graphqls", "type Forgotten { x: Int }"));
    }

    private static final Viewer ANALYST = new Viewer("a", Role.ANALYST, null);
    private static final Viewer POLICE = new Viewer("p", Role.UNIT_OFFICER, "POLICE");
    private static final Viewer LEADER = new Viewer("l", Role.LEADER, null);

    @Test
    void shouldGiveEveryFieldOfAFileItsFileAudienceUnlessNarrowed() {
        ReadPolicy policy = policy();
        assertThat(policy.field("Plan", "title")).isEqualTo(Audience.ANYONE);
        assertThat(policy.field("Query", "secret")).isEqualTo(Audience.SIGNED_IN);
        // A field one feature adds to another's type is read as the adding feature says.
        assertThat(policy.field("Plan", "headcount")).isEqualTo(Audience.SIGNED_IN);
        assertThat(policy.type("Person")).isEqualTo(Audience.SIGNED_IN);
        assertThat(policy.field("Person", "phone")).isEqualTo(Audience.CONTACT_READERS);
    }

    @Test
    void shouldLeaveWhatNobodyDeclaredToTheRolesThatReadEverything() {
        ReadPolicy policy = policy();
        assertThat(policy.undeclaredSchemaFiles()).containsExactly("forgotten.graphqls");
        assertThat(policy.field("Forgotten", "x")).isEqualTo(Audience.WHOLE_READERS);
        assertThat(policy.field("Plan", "neverDeclared")).isEqualTo(Audience.WHOLE_READERS);
        assertThat(Audience.WHOLE_READERS.admits(ANALYST, true)).isFalse();
        assertThat(Audience.WHOLE_READERS.admits(LEADER, false)).isTrue();
        assertThat(policy.visibleProperties(ANALYST, "Undeclared", Map.of("a", 1), true)).isEmpty();
    }

    @Test
    void shouldLetAUnitOfficerReadProblemDetailsOfItsOwnUnitsProblemsOnly() {
        ReadPolicy policy = policy();
        assertThat(policy.ownProblems(POLICE)).containsExactly("p1");
        assertThat(policy.ownProblems(ANALYST)).isEmpty();
        assertThat(policy.problemOf("Problem", "p1")).isEqualTo("p1");
        assertThat(Audience.PROBLEM_UNITS.admits(POLICE, true)).isTrue();
        assertThat(Audience.PROBLEM_UNITS.admits(POLICE, false)).isFalse();
        assertThat(Audience.PROBLEM_UNITS.admits(ANALYST, false)).isTrue();
        assertThat(Audience.PROBLEM_UNITS.admits(Viewer.ANONYMOUS, true)).isFalse();
        assertThat(ReadPolicy.readerUnit(POLICE)).isEqualTo("POLICE");
        assertThat(ReadPolicy.readerUnit(LEADER)).isNull();
    }

    @Test
    void shouldShowAnElementsPropertiesToTheirOwnAudiences() {
        ReadPolicy policy = new ReadPolicy(List.of(rules -> rules.element("Person", Audience.SIGNED_IN, false)
                .properties(Audience.SIGNED_IN, "name").properties(Audience.CONTACT_READERS, "phone")), POLICE_IS_ON_P1, Map.of());
        Map<String, Object> stored = Map.of("name", "张三", "phone", "123", "internal", "x");
        assertThat(policy.visibleProperties(ANALYST, "Person", stored, false)).containsOnlyKeys("name");
        assertThat(policy.visibleProperties(POLICE, "Person", stored, false)).containsOnlyKeys("name", "phone");
        assertThat(policy.visibleProperties(LEADER, "Person", stored, false)).containsOnlyKeys("name", "phone", "internal");
        assertThat(policy.mayShow(Viewer.ANONYMOUS, "Person", false)).isFalse();
    }
}
