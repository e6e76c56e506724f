package cn.changjiang.mining.jurisdiction;

/** {@code ImportPlanInput}: the plan's text, whether this is a dry run (default true), and its jurisdiction's id. */
public record ImportPlanInput(String text, Boolean dryRun, String jurisdiction) {
}
