package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.changjiang.mining.planimport.CuratedPlan.Competence;
import cn.changjiang.mining.planimport.CuratedPlan.CuratedTask;
import cn.changjiang.mining.planimport.CuratedPlan.CuratedType;
import cn.changjiang.mining.planimport.CuratedPlan.Responsibility;
import cn.changjiang.mining.planimport.ReadPlan.Problem;
import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.Task;

/**
 * What was read compared with what was curated, per kind: matches, misses (curated, not read) and extras (read, not
 * curated), hence precision and recall. Pure: the acid test gives it the curated graph it read from the database.
 */
final class PlanComparison {

    /** Problem names agree when equal after dropping bracketed asides and quotes, or by character-bigram Dice. */
    static final double SIMILAR = 0.7;

    record Figures(String kind, int read, int curated, int matched, List<String> misses, List<String> extras) {
        double precision() {
            return read == 0 ? 0 : (double) matched / read;
        }

        double recall() {
            return curated == 0 ? 0 : (double) matched / curated;
        }
    }

    /** A read problem and the curated type it was matched to ({@code code} null when none), {@code exact} or by similarity. */
    record ProblemMatch(int task, String readName, String code, String curatedName, boolean exact) {
    }

    final ReadPlan read;
    final CuratedPlan curated;
    final UnitNames names;
    final List<ProblemMatch> problemMatches = new ArrayList<>();
    final List<CompetenceProposal> proposals;

    PlanComparison(ReadPlan read, CuratedPlan curated) {
        this.read = read;
        this.curated = curated;
        this.names = new UnitNames(curated.units());
        matchProblems();
        this.proposals = CompetenceProposals.propose(read, names);
    }

    Figures tasks() {
        Set<String> readKeys = new LinkedHashSet<>();
        read.tasks().forEach(t -> readKeys.add(t.number() + " " + t.title()));
        Set<String> curatedKeys = new LinkedHashSet<>();
        curated.tasks().forEach(t -> curatedKeys.add(t.number() + " " + t.title()));
        return figures("tasks", readKeys, curatedKeys);
    }

    Figures responsibilities() {
        Set<String> readKeys = new LinkedHashSet<>();
        for (Task task : read.tasks()) {
            for (ResponsibleUnit u : task.responsibleUnits()) {
                String id = names.resolve(u.nameInDocument()).map(KnownUnit::id).orElse("?" + u.nameInDocument());
                readKeys.add("task " + task.number() + " #" + u.order() + " " + id + " " + u.role());
            }
        }
        Set<String> curatedKeys = new LinkedHashSet<>();
        for (Responsibility r : curated.responsibilities()) {
            curatedKeys.add("task " + r.task() + " #" + r.order() + " " + r.unitId() + " " + r.role());
        }
        return figures("责任单位 edges (task, order, unit, role)", readKeys, curatedKeys);
    }

    Figures violationTypes() {
        int readCount = read.tasks().stream().mapToInt(t -> t.problems().size()).sum();
        List<CuratedType> taskTypes = curated.types().stream().filter(t -> t.task() != null).toList();
        int matched = (int) problemMatches.stream().filter(m -> m.code() != null).count();
        Set<String> matchedCodes = new HashSet<>();
        problemMatches.stream().filter(m -> m.code() != null).forEach(m -> matchedCodes.add(m.code()));
        List<String> misses = taskTypes.stream().filter(t -> !matchedCodes.contains(t.code()))
                .map(t -> t.code() + " " + t.name()).toList();
        List<String> extras = problemMatches.stream().filter(m -> m.code() == null)
                .map(m -> "task " + m.task() + " " + m.readName()).toList();
        return new Figures("violation types per task", readCount, taskTypes.size(), matched, misses, extras);
    }

    long exactProblemMatches() {
        return problemMatches.stream().filter(m -> m.code() != null && m.exact()).count();
    }

    /** Read problem (task number, name; task 0 for annex-only) → curated code. */
    Map<String, String> codes() {
        Map<String, String> codeOf = new HashMap<>();
        problemMatches.stream().filter(m -> m.code() != null).forEach(m -> codeOf.put(m.task() + " " + m.readName(), m.code()));
        annexMatches().forEach((name, code) -> codeOf.put("0 " + name, code));
        return codeOf;
    }

    /** Annex-only problems the proposals name, matched to the curated annex-only types (source ANNEX_2) by similarity. */
    Map<String, String> annexMatches() {
        Map<String, String> out = new HashMap<>();
        List<CuratedType> left = new ArrayList<>(curated.types().stream().filter(t -> t.task() == null).toList());
        for (String name : proposals.stream().filter(p -> p.task() == 0).map(CompetenceProposal::problem).distinct().toList()) {
            CuratedType best = null;
            double bestScore = SIMILAR;
            for (CuratedType t : left) {
                double d = dice(normalise(name), normalise(t.name()));
                if (d >= bestScore) {
                    bestScore = d;
                    best = t;
                }
            }
            if (best != null) {
                out.put(name, best.code());
                left.remove(best);
            }
        }
        return out;
    }

    Figures annexTypes() {
        List<String> read = proposals.stream().filter(p -> p.task() == 0).map(CompetenceProposal::problem).distinct().toList();
        Map<String, String> matches = annexMatches();
        List<CuratedType> annex = curated.types().stream().filter(t -> t.task() == null).toList();
        return new Figures("annex-only violation types (not asserted)", read.size(), annex.size(), matches.size(),
                annex.stream().filter(t -> !matches.containsValue(t.code())).map(t -> t.code() + " " + t.name()).toList(),
                read.stream().filter(n -> !matches.containsKey(n)).toList());
    }

    Figures competence() {
        Map<String, String> codeOf = codes();
        Set<String> readKeys = new LinkedHashSet<>();
        for (CompetenceProposal p : proposals) {
            String code = codeOf.getOrDefault(p.task() + " " + p.problem(), "?" + p.problem());
            readKeys.add(code + " → " + p.unitId());
        }
        Set<String> curatedKeys = new LinkedHashSet<>();
        curated.competence().forEach(c -> curatedKeys.add(c.code() + " → " + c.unitId()));
        return figures("competence edges (type → unit)", readKeys, curatedKeys);
    }

    /** Why a curated competence edge was not proposed. */
    String explainMiss(String key) {
        String code = key.substring(0, key.indexOf(" → "));
        String unitId = key.substring(key.indexOf(" → ") + 3);
        Competence edge = curated.competence().stream().filter(c -> c.code().equals(code) && c.unitId().equals(unitId))
                .findFirst().orElseThrow();
        CuratedType type = curated.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
        if (type.task() == null) {
            if (!annexMatches().containsValue(code)) {
                return "a problem only annex 2 gives (no task lists it), and the reader did not read it as the object of an act "
                        + "in that unit's clause";
            }
            return "a problem only annex 2 gives, read from another unit's clause; this unit's clause does not name it";
        }
        ProblemMatch match = problemMatches.stream().filter(m -> code.equals(m.code())).findFirst().orElse(null);
        if (match == null) {
            return "the problem was not read as such, so no competence for it";
        }
        if ("CRIMINAL".equals(edge.basis())) {
            return "criminal-side competence (basis CRIMINAL, duty " + edge.dutyId() + "): a curator's judgment that the "
                    + "police act when the problem is a crime; " + bestDuty(match.readName(), unitId);
        }
        Task task = read.tasks().get(match.task() - 1);
        boolean inList = task.responsibleUnits().stream()
                .anyMatch(u -> names.resolve(u.nameInDocument()).map(k -> k.id().equals(unitId)).orElse(false));
        if (!inList) {
            return "the unit is not in the task's 责任单位 list, and only listed units are proposed";
        }
        if ("TASK_LEAD".equals(edge.basis())) {
            return "curated as the task's lead where annex 2 is silent (TASK_LEAD); the reader found a duty sentence of "
                    + "another unit that leads, so it did not fall back to the task lead";
        }
        return "curated from duty " + edge.dutyId() + "; " + bestDuty(match.readName(), unitId);
    }

    private String bestDuty(String problem, String unitId) {
        CompetenceProposals.Best best = CompetenceProposals.best(read, names, problem, unitId);
        if (best == null) {
            return "the unit has no duty sentence";
        }
        return best.score() == 0 ? "no duty sentence of the unit shares a word with the problem's own words"
                : String.format("its best duty sentence covers %.2f of the problem's word weight (threshold %.2f): %s",
                best.score(), CompetenceProposals.THRESHOLD, best.sentence());
    }

    private void matchProblems() {
        for (Task task : read.tasks()) {
            List<CuratedType> candidates = new ArrayList<>(curated.types().stream()
                    .filter(t -> Objects.equals(t.task(), task.number())).toList());
            List<Problem> left = new ArrayList<>(task.problems());
            Map<Problem, ProblemMatch> found = new HashMap<>();
            for (Problem p : task.problems()) {
                for (CuratedType t : candidates) {
                    if (normalise(t.name()).equals(normalise(p.name()))) {
                        found.put(p, new ProblemMatch(task.number(), p.name(), t.code(), t.name(), true));
                        candidates.remove(t);
                        left.remove(p);
                        break;
                    }
                }
            }
            // the rest, best pair first
            while (true) {
                double best = SIMILAR;
                Problem bestProblem = null;
                CuratedType bestType = null;
                for (Problem p : left) {
                    for (CuratedType t : candidates) {
                        double d = dice(normalise(p.name()), normalise(t.name()));
                        if (d >= best) {
                            best = d;
                            bestProblem = p;
                            bestType = t;
                        }
                    }
                }
                if (bestProblem == null) {
                    break;
                }
                found.put(bestProblem, new ProblemMatch(task.number(), bestProblem.name(), bestType.code(), bestType.name(), false));
                left.remove(bestProblem);
                candidates.remove(bestType);
            }
            for (Problem p : task.problems()) {
                problemMatches.add(found.getOrDefault(p, new ProblemMatch(task.number(), p.name(), null, null, false)));
            }
        }
    }

    static String normalise(String name) {
        return name.replaceAll("\\([^()]*\\)", "").replaceAll("[“”\"]", "").strip();
    }

    static double dice(String a, String b) {
        List<String> x = bigrams(a);
        List<String> y = new ArrayList<>(bigrams(b));
        if (x.isEmpty() || y.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        int shared = 0;
        for (String g : x) {
            if (y.remove(g)) {
                shared++;
            }
        }
        return 2.0 * shared / (x.size() + bigrams(b).size());
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }

    private static Figures figures(String kind, Set<String> readKeys, Set<String> curatedKeys) {
        List<String> misses = curatedKeys.stream().filter(k -> !readKeys.contains(k)).toList();
        List<String> extras = readKeys.stream().filter(k -> !curatedKeys.contains(k)).toList();
        int matched = (int) readKeys.stream().filter(curatedKeys::contains).count();
        return new Figures(kind, readKeys.size(), curatedKeys.size(), matched, misses, extras);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-45s %6s %8s %8s %10s %8s%n", "kind", "read", "curated", "matched", "precision", "recall"));
        for (Figures f : List.of(tasks(), responsibilities(), violationTypes(), competence(), annexTypes())) {
            out.append(String.format("%-45s %6d %8d %8d %9.1f%% %7.1f%%%n", f.kind(), f.read(), f.curated(), f.matched(),
                    100 * f.precision(), 100 * f.recall()));
        }
        out.append(String.format("violation types matched exactly (after dropping bracketed asides): %d%n", exactProblemMatches()));
        for (Figures f : List.of(tasks(), responsibilities(), violationTypes(), competence(), annexTypes())) {
            f.misses().forEach(m -> out.append("MISS  [").append(f.kind()).append("] ").append(m)
                    .append(f.kind().startsWith("competence") ? "\n        why: " + explainMiss(m) : "").append('\n'));
            f.extras().forEach(m -> out.append("EXTRA [").append(f.kind()).append("] ").append(m).append(extraQuote(f, m)).append('\n'));
        }
        problemMatches.stream().filter(m -> m.code() != null && !m.exact()).forEach(m -> out.append("SIMILAR task ")
                .append(m.task()).append(": read ").append(m.readName()).append(" ≈ ").append(m.code()).append(' ')
                .append(m.curatedName()).append('\n'));
        return out.toString();
    }

    private String extraQuote(Figures f, String key) {
        if (!f.kind().startsWith("competence")) {
            return "";
        }
        Map<String, String> codeOf = codes();
        for (CompetenceProposal p : proposals) {
            String code = codeOf.getOrDefault(p.task() + " " + p.problem(), "?" + p.problem());
            if ((code + " → " + p.unitId()).equals(key)) {
                return String.format("\n        proposed: %s %s %.2f from %s: %s", p.role(), p.basis(), p.score(), p.clause(), p.quote());
            }
        }
        return "";
    }
}
