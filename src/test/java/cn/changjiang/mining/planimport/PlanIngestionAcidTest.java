package cn.changjiang.mining.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.planimport.PlanComparison.Figures;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acid test of plan ingestion (issue 15): read graph-seed/source/campaign-plan.txt with {@link PlanReader} and
 * compare it with the hand-curated plan graph the seed wrote: tasks, 责任单位 edges (order and role), violation types
 * per task, and competence edges proposed from annex 2. Prints precision, recall and every miss; the figures are in
 * docs/plan-ingestion.md.
 */
class PlanIngestionAcidTest extends IntegrationTest {

    @Autowired
    Driver driver;

    private <T> List<T> rows(String cypher, Function<Value, T> from) {
        try (var session = driver.session()) {
            return session.run(cypher).list(r -> from.apply(r.get(0)));
        }
    }

    private CuratedPlan curated() {
        return new CuratedPlan(
                rows("MATCH (t:Task) RETURN {number: t.number, title: t.title} ORDER BY t.number", CuratedPlan.CuratedTask::from),
                rows("""
                        MATCH (t:Task)-[r:RESPONSIBLE_UNIT]->(u:Unit)
                        RETURN {task: t.number, unitId: u.id, order: r.order, role: r.role, nameInDocument: r.nameInDocument}
                        ORDER BY t.number, r.order""", CuratedPlan.Responsibility::from),
                rows("""
                        MATCH (v:ViolationType) OPTIONAL MATCH (t:Task)-[:FOCUSES_ON]->(v)
                        RETURN {code: v.code, name: v.name, task: t.number, source: v.source} ORDER BY v.code""",
                        CuratedPlan.CuratedType::from),
                rows("""
                        MATCH (v:ViolationType)-[c:COMPETENT_UNIT]->(u:Unit)
                        RETURN {code: v.code, unitId: u.id, role: c.role, basis: c.basis, dutyId: c.dutyId} ORDER BY v.code, u.id""",
                        CuratedPlan.Competence::from),
                rows("MATCH (u:Unit) RETURN {id: u.id, name: u.name, aliases: u.aliases} ORDER BY u.order", CuratedPlan::unit));
    }

    @Test
    void readingThePlanAgreesWithTheCuratedGraph() throws IOException {
        String text = Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8);
        ReadPlan read = new PlanReader().read(text);
        CuratedPlan curated = curated();
        assertThat(curated.tasks()).as("the seeded tasks").isNotEmpty();
        assertThat(curated.competence()).as("the seeded competence").isNotEmpty();

        PlanComparison comparison = new PlanComparison(read, curated);
        System.out.println("Plan ingestion acid test, " + read.documentNumber() + "\n" + comparison.table());

        for (Figures f : List.of(comparison.tasks(), comparison.responsibilities(), comparison.violationTypes())) {
            assertThat(f.precision()).as("precision of %s", f.kind()).isGreaterThanOrEqualTo(0.95);
            assertThat(f.recall()).as("recall of %s", f.kind()).isGreaterThanOrEqualTo(0.95);
        }
        Figures competence = comparison.competence();
        assertThat(competence.precision()).as("precision of %s", competence.kind()).isGreaterThanOrEqualTo(0.80);
        assertThat(competence.recall()).as("recall of %s", competence.kind()).isGreaterThanOrEqualTo(0.80);
    }
}
