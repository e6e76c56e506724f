package cn.changjiang.mining.enforcement;

import java.util.List;
import java.util.Set;

import cn.changjiang.mining.enforcement.OpeningFacts.IssueFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks opening a joint enforcement action makes on what it read under the mine's lock, without a database. */
class OpeningFactsTest {

    private static final IssueFacts BLASTING = new IssueFacts("i-1", true, true, false, List.of("EMERGENCY", "ECOLOGY"));
    private static final IssueFacts ELSEWHERE = new IssueFacts("i-2", true, false, false, List.of("NATURAL_RESOURCES"));
    private static final IssueFacts CLOSED = new IssueFacts("i-3", false, true, false, List.of("NATURAL_RESOURCES"));
    private static final IssueFacts REFERRED = new IssueFacts("i-4", true, true, true, List.of("NATURAL_RESOURCES"));

    @Test
    void shouldNameTheUnitsAndProblemsThatDoNotExist() {
        OpeningFacts facts = new OpeningFacts(List.of(BLASTING), List.of("EMERGENCY", "ECOLOGY"), null);
        assertThat(facts.unknownUnits(Set.of("ECOLOGY", "ZOO", "ATLANTIS"))).containsExactly("ATLANTIS", "ZOO");
        assertThat(facts.missingIssues(List.of("i-9", "i-1", "i-7"))).containsExactly("i-9", "i-7");
        assertThat(facts.unknownUnits(Set.of("ECOLOGY"))).isEmpty();
    }

    @Test
    void shouldFindTheFirstProblemThatIsClosedOrAtAnotherMine() {
        assertThat(new OpeningFacts(List.of(BLASTING, CLOSED, ELSEWHERE), List.of(), null).firstNotOpenAtMine())
                .contains(CLOSED);
        assertThat(new OpeningFacts(List.of(ELSEWHERE), List.of(), null).firstNotOpenAtMine()).contains(ELSEWHERE);
        assertThat(new OpeningFacts(List.of(BLASTING, REFERRED), List.of(), null).firstNotOpenAtMine()).isEmpty();
    }

    @Test
    void shouldAcceptOnlyUnitsAnsweringForSomeProblemAndThePoliceSideOnlyForACriminalMatter() {
        OpeningFacts administrative = new OpeningFacts(List.of(BLASTING), List.of(), null);
        assertThat(administrative.notResponsible(Set.of("EMERGENCY", "POLICE", "POLITICS_LAW", "FINANCE")))
                .containsExactly("FINANCE", "POLICE", "POLITICS_LAW");

        OpeningFacts criminal = new OpeningFacts(List.of(BLASTING, REFERRED), List.of(), null);
        assertThat(criminal.notResponsible(Set.of("EMERGENCY", "NATURAL_RESOURCES", "POLICE", "POLITICS_LAW", "FINANCE")))
                .containsExactly("FINANCE");
    }
}
