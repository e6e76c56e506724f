package cn.changjiang.mining.plan;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/** Read-only views of the plan's smaller parts, mapped from nodes and relationship projections. */
public final class PlanViews {

    private PlanViews() {
    }

    public record Goal(String id, int number, String title, String titleEn, String text) {
        static Goal from(Value v) {
            return new Goal(string(v, "id"), integer(v, "number"), string(v, "title"), string(v, "titleEn"), string(v, "text"));
        }
    }

    public record Mineral(String name, String nameEn, boolean strategic) {
        public static Mineral from(Value v) {
            return new Mineral(string(v, "name"), string(v, "nameEn"), bool(v, "strategic"));
        }
    }

    public record Regulation(String id, String name, String nameEn, String kind) {
        static Regulation from(Value v) {
            return new Regulation(string(v, "id"), string(v, "name"), string(v, "nameEn"), string(v, "kind"));
        }
    }

    public record Phase(int number, String name, String nameEn, LocalDate startsOn, LocalDate endsOn, boolean longTerm,
                        String text) {
        public static Phase from(Value v) {
            return new Phase(integer(v, "number"), string(v, "name"), string(v, "nameEn"), date(v, "startsOn"),
                    date(v, "endsOn"), bool(v, "longTerm"), string(v, "text"));
        }
    }

    /** A problem source or an outcome: both are coded terms the document names. */
    public record Term(String code, String name, String nameEn, String quote) {
        public static Term from(Value v) {
            return new Term(string(v, "code"), string(v, "name"), string(v, "nameEn"), string(v, "quote"));
        }
    }

    public record TaskResponsibility(Task task, Unit unit, int order, TaskRole role, String nameInDocument) {
        public static TaskResponsibility from(Value v) {
            return new TaskResponsibility(Task.from(v.get("task")), Unit.from(v.get("unit")), integer(v, "order"),
                    constant(v, "role", TaskRole.class), string(v, "nameInDocument"));
        }
    }

    public record Competence(Unit unit, CompetenceRole role, CompetenceBasis basis, String clause, String quote, Duty duty) {
        static Competence from(Value v) {
            return new Competence(Unit.from(v.get("unit")), constant(v, "role", CompetenceRole.class),
                    constant(v, "basis", CompetenceBasis.class), string(v, "clause"), string(v, "quote"), v.get("duty").isNull() ? null : Duty.from(v.get("duty")));
        }
    }
}
