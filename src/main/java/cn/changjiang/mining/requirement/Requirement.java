package cn.changjiang.mining.requirement;

import java.time.LocalDate;

import cn.changjiang.mining.plan.PlanViews.Phase;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/**
 * One requirement of the plan (五、工作要求, and the working group's duty in 四(二)): who must do what, towards whom,
 * in which phase or by when, with the document's words. {@code subjectStated} is false where the sentence names
 * no subject and the graph gives the one its paragraph names.
 */
public record Requirement(String id, String clause, String heading, int order, String act, String actEn, String quote,
                          boolean subjectStated, Phase phase, LocalDate dueOn) {

    static Requirement from(Value v) {
        Value r = v.get("requirement");
        return new Requirement(string(r, "id"), string(r, "clause"), string(r, "heading"), integer(r, "order"),
                string(r, "act"), string(r, "actEn"), string(r, "quote"), bool(r, "subjectStated"),
                v.get("phase").isNull() ? null : Phase.from(v.get("phase")), date(v, "dueOn"));
    }
}
