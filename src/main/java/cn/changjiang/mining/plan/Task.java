package cn.changjiang.mining.plan;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/** One of the plan's 7 main tasks (主要任务). */
public record Task(int number, String clause, String title, String titleEn, String text, String focus, String unitsClause) {

    public static Task from(Value v) {
        return new Task(integer(v, "number"), string(v, "clause"), string(v, "title"), string(v, "titleEn"),
                string(v, "text"), string(v, "focus"), string(v, "unitsClause"));
    }
}
