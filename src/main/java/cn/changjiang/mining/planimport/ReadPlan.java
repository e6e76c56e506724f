package cn.changjiang.mining.planimport;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PlanReader} read from the text of one plan, before anything is matched against the graph. Every item
 * keeps the sentence it came from ({@code quote}); {@code unplaced} holds every sentence the reader could not place.
 */
public record ReadPlan(String documentNumber, String title, String noticeTitle, String issuer, LocalDate issuedOn,
                       ParentPlan parentPlan, String guidingIdea, List<Section> sections, List<Goal> goals,
                       List<Task> tasks, Period period, List<Phase> phases, WorkingGroup workingGroup,
                       List<AnnexDuty> duties, List<Requirement> requirements, List<String> unplaced) {

    /** The plan this one carries out, cited by title in the preamble ("现根据…印发的《…》"). */
    public record ParentPlan(String title, String issuer, String quote) {
    }

    /** A numbered heading: level 1 一、, 2 (一), 3 1., 4 (1). {@code path} is e.g. "三(二)". */
    public record Section(String path, int level, int number, String heading, String quote) {
    }

    public record Goal(int number, String title, String text, String quote) {
    }

    /** A task with its 重点整治 problems and its responsible units, both in the document's order. */
    public record Task(int number, String clause, String title, String text, List<Problem> problems,
                       List<ResponsibleUnit> responsibleUnits, String unitsQuote, String quote) {
    }

    public record Problem(int order, String name, String quote) {
    }

    /**
     * A unit named in a task's unit list. {@code standing} marks a unit the task carries because an earlier
     * statement ("以下均需…落实,不再列出") applies it to every later task; its quote is that statement.
     */
    public record ResponsibleUnit(int order, String nameInDocument, UnitRole role, boolean standing, String quote) {
    }

    public enum UnitRole {
        LEAD, SUPPORTING
    }

    /** "本次专项行动时间自方案印发之日起至2023年10月底并长期坚持". */
    public record Period(LocalDate startsOn, LocalDate endsOn, boolean longTerm, String quote) {
    }

    public record Phase(int number, String name, LocalDate startsOn, LocalDate endsOn, boolean longTerm, String text,
                        String quote) {
    }

    /** The 专班: its name, convener, office and members (annex 1 and 工作要求). Names are as the document gives them. */
    public record WorkingGroup(String name, String convenerUnit, String convenerRank, String officeHost,
                               String officeDirectorUnit, String officeDirectorRank, List<String> memberUnits,
                               String memberRank, List<String> quotes) {
    }

    /** One unit's clause of annex 2 (部门职能分工), split into its duty sentences. */
    public record AnnexDuty(String clause, String unitName, List<String> duties, String quote) {
    }

    /** A clause of 工作要求 (or 保障措施). */
    public record Requirement(String clause, String heading, String text, String quote) {
    }
}
