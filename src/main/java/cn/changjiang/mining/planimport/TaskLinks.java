package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.changjiang.mining.planimport.Words.Word;

/**
 * Which of a parent plan's tasks each task of a lower plan carries out. A lower plan re-words its parent's tasks and
 * reorders them, so neither numbers nor titles match; what carries over is the 重点整治 list, problem by problem, and
 * some words of the title. Pure: no Spring, no database.
 *
 * <p>The rule: a child problem is <em>shared</em> with a parent task when one of the parent's problems has the same
 * words (Dice coefficient of their word sets, from HanLP's segmenter, at least {@value #SAME_PROBLEM}). The score of a
 * (child, parent) pair is {@value #PROBLEM_WEIGHT} × (shared child problems / child problems) + the rest × the Dice
 * coefficient of the titles' content words (nouns and verbs of two characters or more); with no problems on either
 * side, the titles alone. Each child task carries out its best-scoring parent task (and any tied with it) when that
 * score reaches {@value #THRESHOLD}; otherwise none, so a task of another campaign links to nothing.
 */
public final class TaskLinks {

    static final double SAME_PROBLEM = 0.5;
    static final double PROBLEM_WEIGHT = 0.7;
    static final double THRESHOLD = 0.3;

    /** A task of either plan: its id (or any key), number, title and problems in the document's order. */
    public record TaskRef(String id, int number, String title, List<String> problems) {
    }

    /** {@code child} carries out {@code parent}; {@code basis} says why, in the documents' words. */
    public record Link(TaskRef child, TaskRef parent, double score, String basis) {
    }

    private TaskLinks() {
    }

    /** The links from each child task to the parent tasks it carries out, in the children's order. */
    public static List<Link> link(List<TaskRef> children, List<TaskRef> parents) {
        List<Link> links = new ArrayList<>();
        for (TaskRef child : children) {
            List<Link> scored = new ArrayList<>();
            for (TaskRef parent : parents) {
                scored.add(score(child, parent));
            }
            double best = scored.stream().mapToDouble(Link::score).max().orElse(0);
            if (best < THRESHOLD) {
                continue;
            }
            scored.stream().filter(l -> l.score() >= best - 1e-9).forEach(links::add);
        }
        return links;
    }

    static Link score(TaskRef child, TaskRef parent) {
        List<String> shared = new ArrayList<>();
        List<Set<String>> parentProblems = parent.problems().stream().map(TaskLinks::words).toList();
        for (String problem : child.problems()) {
            Set<String> words = words(problem);
            int best = -1;
            double bestScore = SAME_PROBLEM;
            for (int i = 0; i < parentProblems.size(); i++) {
                double d = dice(words, parentProblems.get(i));
                if (d >= bestScore && (best < 0 || d > bestScore)) {
                    best = i;
                    bestScore = d;
                }
            }
            if (best >= 0) {
                shared.add(problem.equals(parent.problems().get(best)) ? problem : problem + "≈" + parent.problems().get(best));
            }
        }
        Set<String> childTitle = contentWords(child.title());
        Set<String> parentTitle = contentWords(parent.title());
        double title = dice(childTitle, parentTitle);
        boolean withProblems = !child.problems().isEmpty() && !parent.problems().isEmpty();
        double score = withProblems
                ? PROBLEM_WEIGHT * shared.size() / child.problems().size() + (1 - PROBLEM_WEIGHT) * title
                : title;
        Set<String> sharedTitle = new LinkedHashSet<>(childTitle);
        sharedTitle.retainAll(parentTitle);
        String basis = "重点整治 " + shared.size() + "/" + child.problems().size() + " 相同"
                + (shared.isEmpty() ? "" : ":" + String.join("、", shared))
                + ";标题共有词:" + (sharedTitle.isEmpty() ? "无" : String.join("、", sharedTitle));
        return new Link(child, parent, Math.round(score * 1000) / 1000.0, basis);
    }

    /** The words of a problem, without punctuation. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (Word w : Words.of(Text.normalise(text))) {
            if (!w.isPunctuation() && !w.text().isBlank()) {
                words.add(w.text());
            }
        }
        return words;
    }

    /** The nouns and verbs of a title of two characters or more (加强, 矿山, 监管…). */
    static Set<String> contentWords(String title) {
        Set<String> words = new LinkedHashSet<>();
        for (Word w : Words.of(Text.normalise(title))) {
            if ((w.isNoun() || w.isVerb()) && w.text().length() >= 2) {
                words.add(w.text());
            }
        }
        return words;
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
