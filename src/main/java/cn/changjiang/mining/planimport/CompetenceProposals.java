package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.changjiang.mining.planimport.CompetenceProposal.Basis;
import cn.changjiang.mining.planimport.CompetenceProposal.Role;
import cn.changjiang.mining.planimport.ReadPlan.AnnexDuty;
import cn.changjiang.mining.planimport.ReadPlan.Problem;
import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.Task;
import cn.changjiang.mining.planimport.Words.Word;

/**
 * Competence read from annex 2 (部门职能分工), proposed for a reviewer: which of a task's responsible units must act on
 * each of its problems, each proposal with the duty sentence it comes from.
 *
 * <p>Problems and duty sentences are segmented into content words (HanLP; nouns, verbs, adjectives, distinguishing
 * words, two characters or more). A word weighs its inverse document frequency over the plan's problems and duty
 * sentences. A problem is matched on its own words, those no other problem of its task uses (非法占用草地 on 草地,
 * not on 非法占用). A duty sentence supports a problem when the words they share carry at least {@link #THRESHOLD}
 * of the problem's weight, or when they share a distinctive word, one that at most {@link #KEY_DOCUMENTS} problems
 * and sentences use (水土保持, 排放). The two figures were chosen on 昌府办字〔2023〕18号 (docs/plan-ingestion.md).
 *
 * <p>The unit whose clause it is becomes competent, SUPPORT where the sentence says it assists (配合, 协助, 参与),
 * LEAD otherwise; the units it assists, named in the sentence (配合自然资源和规划局、公安部门…), become competent as
 * LEAD. Only units of the task's own unit list are proposed. A problem that no duty sentence supports, or whose
 * supporting units all only assist, gets the task's lead unit (basis TASK_LEAD). Problems that only annex 2 names
 * (the object of 查处…, 负责…核准) are proposed too, with task number 0.
 */
public final class CompetenceProposals {

    /** A duty sentence supports a problem when the words they share carry at least this share of its word weight… */
    static final double THRESHOLD = 0.5;

    /** …or when they share a distinctive word: one that at most this many of the plan's problems and duty sentences use. */
    static final int KEY_DOCUMENTS = 4;

    private static final String DOCUMENTS = "\u0000documents";

    private static final Pattern ASSISTS = Pattern.compile("配合|协助|参与");

    private CompetenceProposals() {
    }

    private record Sentence(AnnexDuty duty, int index, String text, Set<String> words) {
    }

    public static List<CompetenceProposal> propose(ReadPlan plan, UnitNames names) {
        List<Sentence> sentences = new ArrayList<>();
        for (AnnexDuty duty : plan.duties()) {
            for (int i = 0; i < duty.duties().size(); i++) {
                String text = duty.duties().get(i);
                sentences.add(new Sentence(duty, i + 1, text, contentWords(text)));
            }
        }
        Map<String, Set<String>> problemWords = new HashMap<>();
        for (Task task : plan.tasks()) {
            for (Problem p : task.problems()) {
                problemWords.put(p.name(), contentWords(p.name()));
            }
        }
        Map<String, Double> idf = idf(sentences, problemWords.values());
        List<CompetenceProposal> proposals = new ArrayList<>();
        for (Task task : plan.tasks()) {
            Map<String, Set<String>> core = coreWords(task, problemWords);
            Map<String, ResponsibleUnit> taskUnits = new LinkedHashMap<>();
            for (ResponsibleUnit unit : task.responsibleUnits()) {
                names.resolve(unit.nameInDocument()).ifPresent(k -> taskUnits.putIfAbsent(k.id(), unit));
            }
            for (Problem problem : task.problems()) {
                Set<String> words = core.get(problem.name());
                Map<String, CompetenceProposal> byUnit = new LinkedHashMap<>();
                for (Sentence s : sentences) {
                    double score = score(words, s.words(), idf);
                    if (score < THRESHOLD) {
                        continue;
                    }
                    Optional<KnownUnit> owner = names.resolve(s.duty().unitName());
                    boolean assists = ASSISTS.matcher(s.text()).find();
                    String clause = "附件2(" + s.duty().clause() + ")";
                    owner.ifPresent(u -> offer(byUnit, taskUnits, new CompetenceProposal(task.number(), problem.name(),
                            s.duty().unitName(), u.id(), assists ? Role.SUPPORT : Role.LEAD, Basis.ANNEX_2, clause, s.text(), score)));
                    if (assists) {
                        for (KnownUnit named : names.mentionedIn(s.text())) {
                            if (owner.isEmpty() || !named.id().equals(owner.get().id())) {
                                offer(byUnit, taskUnits, new CompetenceProposal(task.number(), problem.name(), named.name(),
                                        named.id(), Role.LEAD, Basis.ANNEX_2, clause, s.text(), score));
                            }
                        }
                    }
                }
                boolean led = byUnit.values().stream().anyMatch(p -> p.role() == Role.LEAD);
                if (!led) {
                    task.responsibleUnits().stream().filter(u -> u.role() == ReadPlan.UnitRole.LEAD).findFirst()
                            .ifPresent(lead -> names.resolve(lead.nameInDocument()).ifPresent(u -> byUnit.put(u.id(),
                                    new CompetenceProposal(task.number(), problem.name(), lead.nameInDocument(), u.id(),
                                            Role.LEAD, Basis.TASK_LEAD, task.clause() + "责任单位", task.unitsQuote(), 1.0))));
                }
                proposals.addAll(byUnit.values());
            }
        }
        proposals.addAll(annexProblems(plan, names, problemWords, idf));
        return proposals;
    }

    /** An act a duty clause names as its object: 查处X, 打击X, 对X进行查处, 负责X核准/许可/审批, 排查…是否存在X. */
    private static final List<Pattern> ACTS = List.of(
            Pattern.compile("(?:查处|打击)(?:涉嫌)?(.{4,}?)(?:等)?(?:犯罪活动|活动)?$"),
            Pattern.compile("对(.{2,}?)(?:行为)?进行查处$"),
            Pattern.compile("负责(.{4,}?(?:核准|许可|审批))$"),
            Pattern.compile("是否存在(.{4,}?)$"));

    /**
     * Problems only annex 2 names (no task lists them): the object of an act of enforcement or approval in a duty
     * clause (矿山运输车辆违法超限超载, 非法堆放固体废弃物), when no task problem is already supported by that clause.
     * The unit whose duty it is becomes competent, and so do the units its clause says it works with (配合…).
     * Their task number is 0.
     */
    private static List<CompetenceProposal> annexProblems(ReadPlan plan, UnitNames names,
                                                          Map<String, Set<String>> problemWords, Map<String, Double> idf) {
        List<CompetenceProposal> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AnnexDuty duty : plan.duties()) {
            Optional<KnownUnit> owner = names.resolve(duty.unitName());
            if (owner.isEmpty()) {
                continue;
            }
            // units a sentence says this one works with; a sentence that refers back (对发现…的问题) brings them to the
            // problems of the whole clause
            List<KnownUnit> clausePartners = new ArrayList<>();
            for (String sentence : duty.duties()) {
                if (ASSISTS.matcher(sentence).find() && REFERS_BACK.matcher(sentence).find()) {
                    clausePartners.addAll(partners(names, sentence, owner.get()));
                }
            }
            String clause = "附件2(" + duty.clause() + ")";
            for (String sentence : duty.duties()) {
                for (String part : Text.splitTopLevel(sentence, ",")) {
                    String object = act(part);
                    if (object == null || !seen.add(object)) {
                        continue;
                    }
                    Set<String> words = contentWords(object);
                    boolean known = problemWords.values().stream()
                            .anyMatch(p -> coverage(p, words, idf) >= THRESHOLD || coverage(words, p, idf) >= THRESHOLD);
                    if (known || words.size() < 2) {
                        continue;
                    }
                    boolean assists = ASSISTS.matcher(sentence).find();
                    out.add(new CompetenceProposal(0, object, duty.unitName(), owner.get().id(),
                            assists ? Role.SUPPORT : Role.LEAD, Basis.ANNEX_2, clause, sentence, 1.0));
                    List<KnownUnit> partners = new ArrayList<>(clausePartners);
                    if (assists) {
                        partners(names, sentence, owner.get()).stream().filter(u -> !partners.contains(u)).forEach(partners::add);
                    }
                    for (KnownUnit partner : partners) {
                        out.add(new CompetenceProposal(0, object, partner.name(), partner.id(), Role.LEAD, Basis.ANNEX_2,
                                clause, sentence, 1.0));
                    }
                }
            }
        }
        return out;
    }

    /** 违法行为、加强矿山监督管理 → 违法行为: a list of acts is cut where the next item starts with a verb. */
    private static String firstAct(String object) {
        List<Word> words = Words.of(object);
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).text().equals("、") && words.get(i + 1).tag().equals("v")) {
                return Words.join(words.subList(0, i));
            }
        }
        return object;
    }

    private static final Pattern REFERS_BACK = Pattern.compile("^对(?:排查)?发现");

    private static List<KnownUnit> partners(UnitNames names, String sentence, KnownUnit owner) {
        return names.mentionedIn(sentence).stream().filter(u -> !u.id().equals(owner.id())).toList();
    }

    static String act(String part) {
        String p = part.replaceAll("[。;]$", "").strip();
        for (Pattern act : ACTS) {
            java.util.regex.Matcher m = act.matcher(p);
            if (m.find()) {
                String object = firstAct(m.group(1)).replaceAll("(?:的)?(?:违法|违规|违法违规)?行为$", "")
                        .replaceAll("(?:违法违规|违法|违规)$", "").replaceAll("等$", "").strip();
                return object.length() >= 4 ? object : null;
            }
        }
        return null;
    }

    /** The duty sentence of one unit that covers most of a problem's word weight (for explaining a miss), or null. */
    record Best(double score, String sentence) {
    }

    static Best best(ReadPlan plan, UnitNames names, String problem, String unitId) {
        List<Sentence> sentences = new ArrayList<>();
        for (AnnexDuty duty : plan.duties()) {
            for (int i = 0; i < duty.duties().size(); i++) {
                sentences.add(new Sentence(duty, i + 1, duty.duties().get(i), contentWords(duty.duties().get(i))));
            }
        }
        List<Set<String>> problems = new ArrayList<>();
        plan.tasks().forEach(t -> t.problems().forEach(p -> problems.add(contentWords(p.name()))));
        Map<String, Double> idf = idf(sentences, problems);
        Set<String> words = contentWords(problem);
        for (Task task : plan.tasks()) {
            if (task.problems().stream().anyMatch(p -> p.name().equals(problem))) {
                Map<String, Set<String>> all = new HashMap<>();
                task.problems().forEach(p -> all.put(p.name(), contentWords(p.name())));
                words = coreWords(task, all).get(problem);
            }
        }
        Best best = null;
        for (Sentence s : sentences) {
            boolean owned = names.resolve(s.duty().unitName()).map(u -> u.id().equals(unitId)).orElse(false);
            boolean named = ASSISTS.matcher(s.text()).find()
                    && names.mentionedIn(s.text()).stream().anyMatch(u -> u.id().equals(unitId));
            if (!owned && !named) {
                continue;
            }
            double score = score(words, s.words(), idf);
            if (best == null || score > best.score()) {
                best = new Best(score, s.text());
            }
        }
        return best;
    }

    private static void offer(Map<String, CompetenceProposal> byUnit, Map<String, ResponsibleUnit> taskUnits,
                              CompetenceProposal proposal) {
        if (!taskUnits.containsKey(proposal.unitId())) {
            return;
        }
        byUnit.merge(proposal.unitId(), proposal, (a, b) -> {
            if (a.role() != b.role()) {
                return a.role() == Role.LEAD ? a : b;
            }
            return a.score() >= b.score() ? a : b;
        });
    }

    /**
     * The words that set a problem apart from the other problems of its task: 非法占用草地 is about 草地, not 非法占用,
     * which its list shares among five problems. All its words where it has none of its own.
     */
    static Map<String, Set<String>> coreWords(Task task, Map<String, Set<String>> problemWords) {
        Map<String, Set<String>> core = new HashMap<>();
        for (Problem p : task.problems()) {
            Set<String> own = new LinkedHashSet<>(problemWords.get(p.name()));
            for (Problem other : task.problems()) {
                if (other != p) {
                    own.removeAll(problemWords.get(other.name()));
                }
            }
            core.put(p.name(), own.isEmpty() ? problemWords.get(p.name()) : own);
        }
        return core;
    }

    /** The share of the problem words' weight that the sentence holds. */
    /** The share of the problem words' weight that the sentence holds, without the distinctive-word rule. */
    static double coverage(Set<String> problem, Set<String> sentence, Map<String, Double> idf) {
        double total = 0;
        double shared = 0;
        for (String w : problem) {
            double weight = idf.getOrDefault(w, 0.0);
            total += weight;
            if (sentence.contains(w)) {
                shared += weight;
            }
        }
        return total == 0 ? 0 : shared / total;
    }

    static double score(Set<String> problem, Set<String> sentence, Map<String, Double> idf) {
        double total = 0;
        double shared = 0;
        boolean key = false;
        double keyIdf = Math.log(idf.get(DOCUMENTS) / KEY_DOCUMENTS);
        for (String w : problem) {
            double weight = idf.getOrDefault(w, 0.0);
            total += weight;
            if (sentence.contains(w)) {
                shared += weight;
                key |= weight >= keyIdf - 1e-9;
            }
        }
        double coverage = total == 0 ? 0 : shared / total;
        return key ? Math.max(coverage, THRESHOLD) : coverage;
    }

    static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (Word w : Words.of(text)) {
            String t = w.tag();
            boolean content = t.startsWith("n") || t.startsWith("v") || t.startsWith("a") || t.startsWith("g")
                    || t.equals("b") || t.equals("j") || t.equals("l");
            if (content && w.text().length() >= 2 && !w.text().matches(".*\\d.*")) {
                words.add(w.text());
            }
        }
        return words;
    }

    private static Map<String, Double> idf(List<Sentence> sentences, Iterable<Set<String>> problems) {
        Map<String, Integer> df = new HashMap<>();
        int n = 0;
        for (Sentence s : sentences) {
            n++;
            s.words().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        for (Set<String> p : problems) {
            n++;
            p.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        Map<String, Double> idf = new HashMap<>();
        int total = n;
        df.forEach((w, d) -> idf.put(w, Math.log((double) total / d)));
        idf.put(DOCUMENTS, (double) total);
        return idf;
    }
}
