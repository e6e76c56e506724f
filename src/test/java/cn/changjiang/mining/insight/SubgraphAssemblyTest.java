package cn.changjiang.mining.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.insight.SubgraphRows.NodeRow;
import cn.changjiang.mining.insight.SubgraphRows.RelationshipRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subgraph as the read policy lets a viewer see it, assembled from typed rows without a database: who is
 * responsible for a problem shows on the viewer's own problems only, and what only a hidden edge reached is left out.
 */
class SubgraphAssemblyTest {

    /** A unit officer's view, in small: people on own problems only, no one's phone. */
    private static final class UnitOfficer implements SubgraphQueries.Visibility {

        final List<String> ownAsked = new ArrayList<>();

        @Override
        public boolean mayShow(String relationshipType, boolean ownProblem) {
            return !relationshipType.equals("RESPONSIBLE_PERSON") || ownProblem;
        }

        @Override
        public Map<String, Object> visibleProperties(String element, Map<String, Object> properties, boolean ownProblem) {
            if (element.equals("Issue") && ownProblem) {
                ownAsked.add(String.valueOf(properties.get("id")));
            }
            Map<String, Object> visible = new LinkedHashMap<>(properties);
            visible.remove("phone");
            return visible;
        }
    }

    private static final List<NodeRow> NODES = List.of(
            node("e-mine", "Mine", Map.of("id", "m-1", "name", "某矿")),
            node("e-own", "Issue", Map.of("id", "i-own", "title", "越界开采")),
            node("e-other", "Issue", Map.of("id", "i-other", "title", "无证开采")),
            node("e-p1", "Person", Map.of("id", "p-1", "name", "张三", "phone", "139")),
            node("e-p2", "Person", Map.of("id", "p-2", "name", "李四", "phone", "138")),
            node("e-p3", "Person", Map.of("id", "p-3", "name", "王五")),
            node("e-task", "Task", Map.of("number", 3L, "title", "打击非法开采")));

    private static final List<RelationshipRow> RELATIONSHIPS = List.of(
            rel("AT", "e-own", "e-mine"),
            rel("AT", "e-other", "e-mine"),
            rel("RESPONSIBLE_PERSON", "e-own", "e-p1"),
            rel("RESPONSIBLE_PERSON", "e-other", "e-p2"),
            rel("RESPONSIBLE_PERSON", "e-other", "e-p3"),
            rel("SERVES_IN", "e-p3", "e-task"));

    @Test
    void shouldShowPeopleOnOwnProblemsAndDropWhatOnlyAHiddenEdgeReached() {
        UnitOfficer officer = new UnitOfficer();
        Subgraph subgraph = SubgraphQueries.assemble(
                new SubgraphRows(true, NODES, RELATIONSHIPS, Set.of("i-own")), officer);

        assertThat(subgraph.nodes()).extracting(Subgraph.Node::id)
                .containsExactly("Mine:m-1", "Issue:i-own", "Issue:i-other", "Person:p-1");
        // Edges by their id (docs/frontend.md, "The order of every list").
        assertThat(subgraph.edges()).extracting(Subgraph.Edge::id).containsExactly(
                "AT:Issue:i-other->Mine:m-1", "AT:Issue:i-own->Mine:m-1", "RESPONSIBLE_PERSON:Issue:i-own->Person:p-1");
        assertThat(subgraph.truncated()).isTrue();
        assertThat(officer.ownAsked).containsExactly("i-own");
        assertThat(subgraph.nodes().get(3).properties()).doesNotContainKey("phone").containsEntry("name", "张三");
    }

    @Test
    void shouldKeyNodesByTheirBusinessKeyAndLabelThemByNameOrTitle() {
        Subgraph subgraph = SubgraphQueries.assemble(new SubgraphRows(false, NODES, RELATIONSHIPS,
                Set.of("i-own", "i-other")), new UnitOfficer());

        assertThat(subgraph.nodes()).extracting(Subgraph.Node::id).contains("Task:3", "Person:p-2", "Person:p-3");
        assertThat(subgraph.nodes()).filteredOn(n -> n.id().equals("Task:3")).extracting(Subgraph.Node::label)
                .containsExactly("打击非法开采");
        assertThat(subgraph.nodes()).filteredOn(n -> n.id().equals("Issue:i-other")).extracting(Subgraph.Node::type)
                .containsExactly("Issue");
        assertThat(subgraph.edges()).hasSize(RELATIONSHIPS.size());
    }

    @Test
    void shouldShowTheRootAloneWhenNothingItReachesMayBeShown() {
        Subgraph subgraph = SubgraphQueries.assemble(new SubgraphRows(false,
                List.of(NODES.get(1), NODES.get(3)), List.of(rel("RESPONSIBLE_PERSON", "e-own", "e-p1")), Set.of()),
                new UnitOfficer());
        assertThat(subgraph.nodes()).extracting(Subgraph.Node::id).containsExactly("Issue:i-own");
        assertThat(subgraph.edges()).isEmpty();
    }

    private static NodeRow node(String elementId, String label, Map<String, Object> properties) {
        return new NodeRow(elementId, List.of(label), properties);
    }

    private static RelationshipRow rel(String type, String start, String end) {
        return new RelationshipRow(type, start, end, Map.of());
    }
}
