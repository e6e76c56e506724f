package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.List;

/** Punctuation helpers: plans mix ASCII , : ( ) ; with full-width 、。《》〔〕“”. */
final class Text {

    private static final String OPENERS = "(《“〔[【";
    private static final String CLOSERS = ")》”〕]】";

    private Text() {
    }

    /** Full-width ( ) : , ; and spaces become their ASCII forms; 、。《》〔〕“” stay. */
    static String normalise(String s) {
        return s.replace('\uFF08', '(').replace('\uFF09', ')').replace('\uFF1A', ':').replace('\uFF0C', ',').replace('\uFF1B', ';')
                .replace('\u3000', ' ').replace("\u00a0", " ");
    }

    static int depthChange(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPENERS.indexOf(c) >= 0) {
                d++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                d--;
            }
        }
        return d;
    }

    /** Splits on any of {@code separators} outside brackets and quotes. */
    static List<String> splitTopLevel(String s, String separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Sentences ending in 。 (or the end of the text), each kept with its full stop. */
    static List<String> sentences(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (c == '。' && depth == 0) {
                out.add(s.substring(start, i + 1).strip());
                start = i + 1;
            }
        }
        if (start < s.length() && !s.substring(start).isBlank()) {
            out.add(s.substring(start).strip());
        }
        return out.stream().filter(x -> !x.isEmpty() && !x.equals("。")).toList();
    }

    private static final String NUMERALS = "零一二三四五六七八九";

    /** 一 … 九十九 as a number, or -1. */
    static int chineseNumber(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        if (s.equals("十")) {
            return 10;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? NUMERALS.indexOf(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : NUMERALS.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : NUMERALS.indexOf(s.charAt(ten + 1));
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
