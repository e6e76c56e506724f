package cn.changjiang.mining.planimport;

import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;

/** Chinese words with their part-of-speech tags, from HanLP's standard segmenter (portable dictionaries). */
final class Words {

    /** A word and its tag in HanLP's tag set: n… nouns, v verbs, vn verbal nouns, d adverbs, p prepositions, cc conjunctions. */
    record Word(String text, String tag) {

        boolean isVerb() {
            return tag.equals("v") || tag.equals("vn") || tag.equals("vi") || tag.equals("vd");
        }

        boolean isNoun() {
            return tag.startsWith("n") || tag.startsWith("g") || tag.equals("an");
        }

        boolean isPreposition() {
            return tag.equals("p");
        }

        boolean isAdverb() {
            return tag.equals("d");
        }

        boolean isConjunction() {
            return tag.equals("cc") || tag.equals("c");
        }

        boolean isPunctuation() {
            return tag.equals("w");
        }
    }

    private static final Segment SEGMENT = HanLP.newSegment().enablePartOfSpeechTagging(true)
            // a person-name guesser has no place in plans (it reads 林地和 as a name) and the document names no one
            .enableNameRecognize(false);

    private Words() {
    }

    static List<Word> of(String text) {
        synchronized (SEGMENT) {
            return SEGMENT.seg(text).stream().map(term -> new Word(term.word, term.nature.toString())).toList();
        }
    }

    static String join(List<Word> words) {
        StringBuilder out = new StringBuilder();
        words.forEach(w -> out.append(w.text()));
        return out.toString();
    }
}
