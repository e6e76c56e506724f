package cn.changjiang.mining.jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.jurisdiction.PlanImport.ImportedTask;
import cn.changjiang.mining.planimport.ReadPlan;
import cn.changjiang.mining.planimport.TaskLinks;
import cn.changjiang.mining.planimport.TaskLinks.Link;
import cn.changjiang.mining.planimport.TaskLinks.TaskRef;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/**
 * The task links of an import, both ways ({@link TaskLinks} decides them): the imported plan's tasks carry out the
 * tasks of the parent plan its preamble cites, and the tasks of the plans already in the graph that cite it (an
 * imported {@code :PlanTask} or the seeded district's {@code :Task}) carry out its tasks. Written as
 * {@code (task)-[:CARRIES_OUT {score, basis}]->(:PlanTask)}, in the import's transaction; a dry run only answers
 * the parent task numbers.
 */
@Component
class TaskLinking {

    private final CypherRunner graph;

    TaskLinking(CypherRunner graph) {
        this.graph = graph;
    }

    /** A task already in the graph: {@code key} is a :PlanTask id, or "PLAN#n" for the seeded campaign's task n. */
    record GraphTask(String plan, String key, int number, String title, List<String> problems) {
        static GraphTask from(Value v) {
            return new GraphTask(string(v, "plan"), string(v, "key"), v.get("number").asInt(), string(v, "title"),
                    strings(v, "problems"));
        }

        TaskRef ref() {
            return new TaskRef(key, number, title, problems);
        }
    }

    /**
     * The imported tasks with the numbers of the parent tasks they carry out; when {@code planId} is given (a real
     * import, already written), also writes the links from its tasks to its parent's and from its children's to it.
     */
    List<ImportedTask> link(List<ImportedTask> tasks, ReadPlan read, Jurisdiction jurisdiction, String planId) {
        List<TaskRef> own = read.tasks().stream()
                .map(t -> new TaskRef(planId == null ? String.valueOf(t.number()) : planId + "#" + t.number(),
                        t.number(), t.title(), t.problems().stream().map(ReadPlan.Problem::name).toList()))
                .toList();
        String parentTitle = read.parentPlan() == null ? null
                : read.parentPlan().title().replace("《", "").replace("》", "").strip();
        List<Link> up = parentTitle == null ? List.of() : TaskLinks.link(own, parentTasks(parentTitle, jurisdiction));
        Map<Integer, List<Integer>> carriesOut = up.stream().collect(Collectors.groupingBy(l -> l.child().number(),
                Collectors.mapping(l -> l.parent().number(), Collectors.toList())));
        if (planId != null) {
            List<Link> links = new ArrayList<>(up);
            childTasks(planId, read.title(), jurisdiction).stream()
                    .collect(Collectors.groupingBy(GraphTask::plan))
                    .values()
                    .forEach(child -> links.addAll(TaskLinks.link(child.stream().map(GraphTask::ref).toList(), own)));
            write(links);
        }
        return tasks.stream().map(t -> t.withCarriesOut(
                List.copyOf(new TreeSet<>(carriesOut.getOrDefault(t.number(), List.of()))))).toList();
    }

    /**
     * The tasks of the cited parent plan: of a jurisdiction above this one, or, without one (a dry run), of the only
     * plan of that title that has tasks. Several plans of one title with tasks (two cities' 全市 plans) link nothing.
     */
    private List<TaskRef> parentTasks(String title, Jurisdiction jurisdiction) {
        List<GraphTask> tasks = graph.list("""
                MATCH (p:Plan {title: $title})-[:SETS_TASK]->(t:PlanTask)
                WHERE $jurisdiction IS NULL
                   OR EXISTS { (:Jurisdiction {id: $jurisdiction})-[:PART_OF]->+(:Jurisdiction)<-[:FOR]-(p) }
                RETURN {plan: p.id, key: t.id, number: t.number, title: t.title,
                        problems: COLLECT { MATCH (t)-[r:TARGETS]->(x:PlanProblem) RETURN x.name ORDER BY r.order, x.name }}
                       AS item ORDER BY p.id, t.number""",
                params("title", title, "jurisdiction", jurisdiction == null ? null : jurisdiction.id()), GraphTask::from);
        long plans = tasks.stream().map(GraphTask::plan).distinct().count();
        return plans == 1 ? tasks.stream().map(GraphTask::ref).toList() : List.of();
    }

    /**
     * The tasks of the plans that carry out this one: plans that cite its title from a jurisdiction below it, or that
     * implement the plan of that title already known for its jurisdiction (the seeded district implements the city
     * plan known only by title).
     */
    private List<GraphTask> childTasks(String planId, String title, Jurisdiction jurisdiction) {
        return graph.list("""
                MATCH (c:Plan) WHERE c.id <> $id AND (
                      EXISTS { (c)-[:IMPLEMENTS]->(:Plan {title: $title})-[:FOR]->(:Jurisdiction {id: $jurisdiction}) }
                   OR (c.implementsTitle = $title
                       AND EXISTS { (c)-[:FOR]->(:Jurisdiction)-[:PART_OF]->+(:Jurisdiction {id: $jurisdiction}) }))
                CALL (c) {
                  MATCH (c)-[:SETS_TASK]->(t:PlanTask)
                  RETURN t.id AS key, t.number AS number, t.title AS title,
                         COLLECT { MATCH (t)-[r:TARGETS]->(x:PlanProblem) RETURN x.name ORDER BY r.order, x.name } AS problems
                  UNION ALL
                  MATCH (c)-[:SETS_OUT]->(:Campaign)-[:HAS_TASK]->(t:Task)
                  RETURN c.id + '#' + t.number AS key, t.number AS number, t.title AS title,
                         COLLECT { MATCH (t)-[r:FOCUSES_ON]->(v:ViolationType) RETURN v.name ORDER BY r.order, v.code } AS problems
                }
                RETURN {plan: c.id, key: key, number: number, title: title, problems: problems} AS item
                ORDER BY c.id, number""", params("id", planId, "title", title, "jurisdiction", jurisdiction.id()),
                GraphTask::from);
    }

    private void write(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = links.stream().map(l -> params("child", l.child().id(),
                "parent", l.parent().id(), "score", l.score(), "basis", l.basis())).toList();
        graph.write("""
                UNWIND $links AS l
                CALL (l) {
                  MATCH (t:PlanTask {id: l.child}) RETURN t
                  UNION
                  MATCH (:Plan {id: split(l.child, '#')[0]})-[:SETS_OUT]->(:Campaign)-[:HAS_TASK]->(t:Task)
                  WHERE t.number = toInteger(split(l.child, '#')[1])
                  RETURN t
                }
                MATCH (parent:PlanTask {id: l.parent})
                MERGE (t)-[r:CARRIES_OUT]->(parent)
                SET r.score = l.score, r.basis = l.basis
                RETURN count(r) AS item""", Map.of("links", rows), v -> v);
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
