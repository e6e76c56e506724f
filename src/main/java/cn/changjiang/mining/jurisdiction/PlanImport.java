package cn.changjiang.mining.jurisdiction;

import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.plan.Unit;

/**
 * What {@code importPlan} read from a plan's text, matched against the graph, for review; {@code planId} and
 * {@code plan} are set once it is written. {@code parentPlan} answers the schema's {@code implements}.
 */
public record PlanImport(boolean dryRun, String planId, Plan plan, String documentNumber, String title, String issuer,
                         LocalDate issuedOn, String implementsTitle, Plan parentPlan, List<ImportedTask> tasks,
                         List<ProposedCompetence> competence, List<String> unplaced) {

    /**
     * A task as read, with its problems and units in document order, and the numbers of the parent plan's tasks it
     * carries out ({@link TaskLinking}).
     */
    public record ImportedTask(int number, String title, List<String> problems, List<ImportedUnit> responsibleUnits,
                               List<Integer> carriesOut) {

        public ImportedTask(int number, String title, List<String> problems, List<ImportedUnit> responsibleUnits) {
            this(number, title, problems, responsibleUnits, List.of());
        }

        ImportedTask withCarriesOut(List<Integer> parentTasks) {
            return new ImportedTask(number, title, problems, responsibleUnits, parentTasks);
        }
    }

    /** A unit a task names; {@code unit} is null when no known unit matches. */
    public record ImportedUnit(String nameInDocument, ImportedUnitRole role, Unit unit) {
    }

    /** A proposed competence edge with its quote; {@code unit} is null when no known unit matches. */
    public record ProposedCompetence(int task, String problem, String nameInDocument, Unit unit,
                                     ProposedCompetenceRole role, ProposedCompetenceBasis basis, String clause,
                                     String quote) {
    }
}
