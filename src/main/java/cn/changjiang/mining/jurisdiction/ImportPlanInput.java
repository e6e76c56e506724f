package cn.changjiang.mining.jurisdiction;

/**
 * {@code ImportPlanInput}: the plan's text, whether this is a dry run (default true), its jurisdiction's id, and
 * whether units the text names that match no known unit are created (default false).
 */
public record ImportPlanInput(String text, Boolean dryRun, String jurisdiction, Boolean createUnits) {
}
