package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changjiang.mining.planimport.Words.Word;

/**
 * The problems a task lists under 重点整治 (or 重点排查, or 整治 after a 重点围绕… clause), one per problem.
 *
 * <p>The list runs to the first 等问题. It splits on top-level , and ; (never inside brackets or quotes), drops a
 * trailing 等 and a leading subject (矿山企业非法… → 非法…), then splits coordinations, conjunctions (和 以及 及 与)
 * before 、, using the words and part-of-speech tags of the segmenter:
 * <ul>
 *   <li>verbs coordinated on one object stay together (非法生产、销售…使用民用爆炸物品; 进行施工、开采);</li>
 *   <li>an open list (…等超标排放) stays together;</li>
 *   <li>conjuncts that each begin a problem (不…, 未…, 无…, 非法…, 已…, 以…) are split;</li>
 *   <li>a list inside a prepositional frame (未按照…和…实施…, 以…、…名义) stays together;</li>
 *   <li>a leading predicate is shared with noun conjuncts (非法占用耕地、林地 → 非法占用林地), and so is a trailing
 *       verbal head (证照过期、证照不齐勘查开采 → 证照过期勘查开采; 未取得…、水土保持审批手续);</li>
 *   <li>two privatives on one head split (无证无照经营 → 无证经营, 无照经营).</li>
 * </ul>
 */
final class ProblemLists {

    private static final Pattern MARKER = Pattern.compile("重点整治|重点排查|(?<=[,;。])整治");

    private ProblemLists() {
    }

    /** The focus clause of a task's text (from its marker to the first 等问题), or null when it has none. */
    record Focus(String list, String quote) {
    }

    static Focus focus(String taskText) {
        Matcher marker = MARKER.matcher(taskText);
        if (!marker.find()) {
            return null;
        }
        int sentenceStart = Math.max(taskText.lastIndexOf('。', marker.start()) + 1, 0);
        int end = taskText.indexOf("等问题", marker.end());
        int sentenceEnd;
        if (end < 0) {
            end = taskText.indexOf('。', marker.end());
            end = end < 0 ? taskText.length() : end;
            sentenceEnd = end;
        } else {
            int stop = taskText.indexOf('。', end);
            sentenceEnd = stop < 0 ? taskText.length() : stop + 1;
        }
        return new Focus(taskText.substring(marker.end(), end), taskText.substring(sentenceStart, sentenceEnd).strip());
    }

    /** The problems of a focus list, in order. */
    static List<String> split(String list) {
        List<String> problems = new ArrayList<>();
        for (String item : Text.splitTopLevel(list, ",;")) {
            String cleaned = stripEtc(item.strip());
            if (cleaned.isEmpty()) {
                continue;
            }
            List<Word> words = stripSubject(Words.of(cleaned));
            for (List<Word> piece : coordinate(words, true)) {
                problems.addAll(privatives(piece));
            }
        }
        return problems;
    }

    static String stripEtc(String item) {
        String s = item;
        while (s.endsWith("等")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** 矿山企业非法生产… → 非法生产…: leading nouns before a word that opens a problem. */
    private static List<Word> stripSubject(List<Word> words) {
        int i = 0;
        while (i < words.size() && (words.get(i).tag().equals("n") || words.get(i).tag().equals("nz"))) {
            i++;
        }
        if (i > 0 && i < words.size() - 1 && opensProblem(words.get(i))) {
            return words.subList(i, words.size());
        }
        return words;
    }

    private static boolean opensProblem(Word w) {
        return w.isAdverb() || w.text().startsWith("不") || w.text().startsWith("未") || w.text().startsWith("无")
                || w.text().startsWith("非法") || w.text().startsWith("违法") || w.text().startsWith("擅自");
    }

    private static boolean selfStanding(List<Word> part) {
        Word first = part.getFirst();
        return opensProblem(first) || (first.isPreposition() && first.text().equals("以"));
    }

    private static boolean frame(List<Word> part) {
        Word first = part.getFirst();
        return first.isPreposition() || (part.size() > 1 && opensProblem(first) && part.get(1).isPreposition());
    }

    private static List<Word> leadingPredicate(List<Word> part) {
        if (part.size() > 2 && (opensProblem(part.get(0)) || part.get(0).tag().equals("b")) && part.get(1).isVerb()) {
            return part.subList(0, 2);
        }
        return null;
    }

    /** The trailing verbal head of a conjunct (勘查开采, 审批手续), or null. */
    private static List<Word> trailingHead(List<Word> part) {
        int start = part.size();
        while (start > 1 && (part.get(start - 1).tag().equals("vn") || part.get(start - 1).tag().equals("n"))) {
            start--;
        }
        while (start < part.size() && !part.get(start).tag().equals("vn")) {
            start++;
        }
        return start < part.size() ? part.subList(start, part.size()) : null;
    }

    /** Splits a coordination: at conjunctions first ({@code conjunctions}), then at 、. */
    private static List<List<Word>> coordinate(List<Word> words, boolean conjunctions) {
        Predicate<Word> separator = conjunctions ? Word::isConjunction : w -> w.text().equals("、");
        List<List<Word>> parts = new ArrayList<>();
        List<Word> separators = new ArrayList<>();
        int depth = 0;
        List<Word> current = new ArrayList<>();
        boolean openList = false;
        for (Word w : words) {
            depth += Text.depthChange(w.text());
            if (depth == 0 && w.tag().equals("udeng")) {
                openList = true;
            }
            if (depth == 0 && separator.test(w) && !current.isEmpty()) {
                parts.add(current);
                separators.add(w);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        parts.add(current);
        if (parts.getLast().isEmpty()) {
            return conjunctions ? coordinate(words, false) : List.of(words);
        }
        merge(parts, separators);
        if (parts.size() < 2 || openList) {
            return conjunctions ? coordinate(words, false) : List.of(words);
        }
        List<List<Word>> pieces = new ArrayList<>();
        if (parts.stream().skip(1).anyMatch(ProblemLists::selfStanding)) {
            pieces.addAll(parts);
        } else if (frame(parts.getFirst())) {
            return conjunctions ? coordinate(words, false) : List.of(words);
        } else {
            List<Word> prefix = leadingPredicate(parts.getFirst());
            boolean nouns = parts.stream().skip(1).allMatch(p -> p.getFirst().isNoun() || p.getFirst().text().equals("“"));
            List<Word> head = trailingHead(parts.getLast());
            if (prefix != null && nouns) {
                pieces.add(parts.getFirst());
                for (List<Word> part : parts.subList(1, parts.size())) {
                    pieces.add(concat(prefix, part));
                }
            } else if (head != null) {
                pieces.addAll(parts);
            } else {
                return conjunctions ? coordinate(words, false) : List.of(words);
            }
            if (head != null) {
                String headText = Words.join(head);
                for (int i = 0; i < pieces.size() - 1; i++) {
                    if (!Words.join(pieces.get(i)).endsWith(headText)) {
                        pieces.set(i, concat(pieces.get(i), head));
                    }
                }
            }
        }
        List<List<Word>> out = new ArrayList<>();
        for (List<Word> piece : pieces) {
            out.addAll(conjunctions ? coordinate(piece, false) : List.of(piece));
        }
        return out;
    }

    /**
     * Verbs coordinated on one object join their neighbours (生产、销售…使用民用爆炸物品; 关闭、取缔后又…; 施工、开采):
     * at a verb|verb boundary where one side is a lone word, and a lone verb at the end.
     */
    private static void merge(List<List<Word>> parts, List<Word> separators) {
        int n = parts.size();
        boolean[] join = new boolean[Math.max(0, n - 1)];
        for (int i = 0; i < n - 1; i++) {
            List<Word> left = parts.get(i);
            List<Word> right = parts.get(i + 1);
            boolean verbs = left.getLast().isVerb() && right.getFirst().isVerb() && (left.size() == 1 || right.size() == 1);
            boolean lone = (left.size() == 1 && left.getFirst().isVerb())
                    || (i + 1 == n - 1 && right.size() == 1 && right.getFirst().isVerb());
            join[i] = verbs || lone;
        }
        List<List<Word>> merged = new ArrayList<>();
        List<Word> mergedSeparators = new ArrayList<>();
        List<Word> current = new ArrayList<>(parts.getFirst());
        for (int i = 0; i < n - 1; i++) {
            if (join[i]) {
                current.add(separators.get(i));
                current.addAll(parts.get(i + 1));
            } else {
                merged.add(current);
                mergedSeparators.add(separators.get(i));
                current = new ArrayList<>(parts.get(i + 1));
            }
        }
        merged.add(current);
        parts.clear();
        parts.addAll(merged);
        separators.clear();
        separators.addAll(mergedSeparators);
    }

    private static List<String> privatives(List<Word> piece) {
        int n = 0;
        while (n < piece.size() && piece.get(n).text().length() == 2 && piece.get(n).text().startsWith("无")) {
            n++;
        }
        if (n >= 2 && n < piece.size()) {
            String rest = Words.join(piece.subList(n, piece.size()));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(piece.get(i).text() + rest);
            }
            return out;
        }
        return List.of(Words.join(piece));
    }

    private static List<Word> concat(List<Word> a, List<Word> b) {
        List<Word> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
