package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.UnitRole;

/**
 * The unit lists of a task, in the forms plans of this genre use:
 * <ul>
 *   <li>{@code (责任单位:A、B、C)}: the first unit leads;</li>
 *   <li>{@code 牵头单位:A;配合单位:B、C}: the leads are named;</li>
 *   <li>{@code 责任单位:省自然资源厅、省林业局,各市、县〔区〕人民政府}: a collective unit after a comma, whose name may
 *       hold 、 and 〔〕;</li>
 *   <li>{@code 以下均需各市、县〔区〕人民政府落实,不再列出}: a standing unit for every later task.</li>
 * </ul>
 */
final class UnitLists {

    private static final Pattern KEYWORD = Pattern.compile("(?:责任单位|责任部门|牵头单位|牵头部门)\\s*[:;]");

    /** Where a unit clause sits in a text: {@code start}..{@code end} with its brackets, {@code body} without. */
    record Clause(int start, int end, String body) {
    }

    /** The first unit clause of a text: in brackets up to the matching bracket, or else to the end of the line. */
    static Clause find(String text) {
        Matcher m = KEYWORD.matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = m.start();
        if (start > 0 && text.charAt(start - 1) == '(') {
            int depth = 0;
            for (int i = start - 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return new Clause(start - 1, i + 1, text.substring(start, i));
                }
            }
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        return new Clause(start, end, text.substring(start, end));
    }

    static final Pattern STANDING = Pattern.compile("以下(?:均需|均由|均要求)(.+?)(?:落实|负责|组织实施|承担)[,。]?\\s*不再(?:一一)?列出[。]?");
    private static final Pattern LEAD = Pattern.compile("(?:牵头单位|牵头部门)\\s*[:;](.*?)(?=[;。,]?\\s*(?:配合单位|配合部门|参与单位)|$)");
    private static final Pattern SUPPORT = Pattern.compile("(?:配合单位|配合部门|参与单位)\\s*[:;](.*)$");
    private static final Pattern LEAD_MARK = Pattern.compile("\\((?:牵头|牵头单位)\\)$");
    private static final Pattern RESPONSIBLE = Pattern.compile("(?:责任单位|责任部门)\\s*[:;](.*)$");

    private UnitLists() {
    }

    /** A standing statement found in a text, or null. */
    record Standing(List<String> names, String quote) {
    }

    static Standing standing(String text) {
        Matcher m = STANDING.matcher(text);
        return m.find() ? new Standing(names(m.group(1)), m.group().strip()) : null;
    }

    /** The units of one clause (without the brackets), in order, the standing units after them. */
    static List<ResponsibleUnit> parse(String clause, String quote, List<Standing> standing) {
        String body = STANDING.matcher(clause).replaceAll("").strip();
        List<ResponsibleUnit> units = new ArrayList<>();
        Matcher lead = LEAD.matcher(body);
        if (lead.find()) {
            for (String name : names(lead.group(1))) {
                units.add(new ResponsibleUnit(units.size() + 1, name, UnitRole.LEAD, false, quote));
            }
            Matcher support = SUPPORT.matcher(body);
            if (support.find()) {
                for (String name : names(support.group(1))) {
                    units.add(new ResponsibleUnit(units.size() + 1, name, UnitRole.SUPPORTING, false, quote));
                }
            }
        } else {
            Matcher responsible = RESPONSIBLE.matcher(body);
            if (responsible.find()) {
                List<String> names = names(responsible.group(1));
                // "A(牵头)、B、C": the marked units lead; without a mark, the first one does
                boolean marked = names.stream().anyMatch(n -> LEAD_MARK.matcher(n).find());
                for (String name : names) {
                    Matcher mark = LEAD_MARK.matcher(name);
                    boolean leads = marked ? mark.find() : units.isEmpty();
                    units.add(new ResponsibleUnit(units.size() + 1, mark.replaceAll("").strip(),
                            leads ? UnitRole.LEAD : UnitRole.SUPPORTING, false, quote));
                }
            }
        }
        for (Standing s : standing) {
            for (String name : s.names()) {
                if (units.stream().noneMatch(u -> u.nameInDocument().equals(name))) {
                    units.add(new ResponsibleUnit(units.size() + 1, name,
                            units.isEmpty() ? UnitRole.LEAD : UnitRole.SUPPORTING, true, s.quote()));
                }
            }
        }
        return units;
    }

    /**
     * Names of a list: split on top-level , and 、; a name from 各… to the end of its comma segment is one collective
     * unit (各市、县〔区〕人民政府, 各乡(镇)人民政府、街道办事处).
     */
    static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        String cleaned = list.strip().replaceAll("[。.]+$", "").strip();
        for (String segment : Text.splitTopLevel(cleaned, ",;")) {
            List<String> pieces = Text.splitTopLevel(segment, "、");
            for (int i = 0; i < pieces.size(); i++) {
                String piece = ProblemLists.stripEtc(pieces.get(i));
                if (piece.startsWith("各")) {
                    names.add(ProblemLists.stripEtc(String.join("、", pieces.subList(i, pieces.size()))));
                    break;
                }
                if (!piece.isEmpty()) {
                    names.add(piece);
                }
            }
        }
        return names;
    }
}
