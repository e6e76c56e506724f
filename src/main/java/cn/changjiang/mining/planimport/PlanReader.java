package cn.changjiang.mining.planimport;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import cn.changjiang.mining.planimport.ReadPlan.AnnexDuty;
import cn.changjiang.mining.planimport.ReadPlan.Goal;
import cn.changjiang.mining.planimport.ReadPlan.ParentPlan;
import cn.changjiang.mining.planimport.ReadPlan.Period;
import cn.changjiang.mining.planimport.ReadPlan.Phase;
import cn.changjiang.mining.planimport.ReadPlan.Problem;
import cn.changjiang.mining.planimport.ReadPlan.Requirement;
import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.Section;
import cn.changjiang.mining.planimport.ReadPlan.Task;
import cn.changjiang.mining.planimport.ReadPlan.WorkingGroup;

/**
 * Reads the text of a campaign plan of the genre of 昌府办字〔2023〕18号 (a 实施方案 issued with its notice, numbered
 * 一、 / (一) / 1. / (1), with annexes for the 专班 and the units' duties) into a {@link ReadPlan}. Pure: no Spring, no
 * database. Every sentence it cannot place is returned in {@link ReadPlan#unplaced()}.
 */
public final class PlanReader {

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S{1,16}〔\\d{4}〕\\d+号$");
    private static final Pattern NOTICE_TITLE = Pattern.compile("^关于印发(《(.+?)》)的通知$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
    private static final Pattern ISSUER = Pattern.compile("^\\S{2,30}(?:人民政府办公室|人民政府办公厅|办公室|办公厅|人民政府)$");
    private static final Pattern PARENT = Pattern.compile("(?:根据|按照|依据)(?:([^,。《]{2,40}?)印发的)?《([^》]+?方案)》");
    private static final Pattern LEVEL1 = Pattern.compile("^([一二三四五六七八九十]+)、(.*)$");
    private static final Pattern LEVEL2 = Pattern.compile("^\\(([一二三四五六七八九十]+)\\)(.*)$");
    private static final Pattern LEVEL3 = Pattern.compile("^(\\d{1,2})[.．、](?!\\d)(.*)$");
    private static final Pattern LEVEL4 = Pattern.compile("^\\((\\d{1,2})\\)(.*)$");
    private static final Pattern ANNEX_LIST = Pattern.compile("^附件[:]\\s*1[.．、]");
    private static final Pattern ANNEX = Pattern.compile("^附件\\s*(\\d+)[:]?$");
    private static final Pattern PHASE = Pattern.compile("^(.+?阶段)\\(([^)]*)\\)。?(.*)$");
    private static final Pattern MONTH_DAY = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2}|底)日?");
    /** A month without a day ("2023年5月至6月"): the first of the month when it starts a span, its last day when it ends one. */
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(?![\\d底])");
    private static final Pattern MONTH_PERIOD = Pattern.compile(
            "时间(?:为|是|自|从)(\\d{4})年(\\d{1,2})月(?:起)?至(?:(\\d{4})年)?(\\d{1,2})月(?![\\d底])(?:底)?(并长期坚持)?");
    private static final Pattern PERIOD = Pattern.compile(
            "时间(?:自|从)(方案印发之日|(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日)起?至(\\d{4})年(\\d{1,2})月(底|\\d{1,2}日)(并长期坚持)?");
    private static final Pattern CONVENER = Pattern.compile(
            "^(?:召\\s*集\\s*人|组\\s*长)[:](.+?)(主要负责同志|分管负责同志|负责同志|主要领导|分管领导|(?:分管|常务)?副?(?:省|市|区|县)长)?[。]?$");
    private static final Pattern MEMBERS = Pattern.compile("^成\\s*员(?:单位)?[:]\\s*(?:由)?(.+?)(主要负责同志|分管负责同志|负责同志|分管领导)?(?:组成)?[。]?$");
    /** "由区政府分管副区长任组长": a convener named in the text of 保障措施 rather than in an annex. */
    private static final Pattern CONVENER_INLINE = Pattern.compile(
            "由([^,。由]+?)(主要负责同志|分管负责同志|负责同志|主要领导|分管领导|(?:分管|常务)?副?(?:省|市|区|县)长)任(?:组长|召集人)");
    private static final Pattern OFFICE_HOST = Pattern.compile("办公室设在([^,。)]+)");
    private static final Pattern OFFICE_DIRECTOR = Pattern.compile("([^,。]+?)(主要负责同志|分管负责同志|负责同志)兼任办公室主任");
    private static final Pattern GROUP_NAME = Pattern.compile("成立([^,。]+?(?:工作专班|领导小组|工作组))");
    private static final Pattern DUTY_LINE = Pattern.compile("^\\(([一二三四五六七八九十]+)\\)([^:]{2,30}?)[:](.*)$");

    private enum Kind { PREAMBLE, GUIDING, GOALS, TASKS, PHASES, REQUIREMENTS, OTHER, ANNEX_LIST, ANNEX_GROUP, ANNEX_DUTIES, ANNEX_OTHER }

    /** Reads a .docx file through Apache POI: one line per paragraph. */
    public ReadPlan readDocx(InputStream docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(docx)) {
            StringBuilder text = new StringBuilder();
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                text.append(paragraph.getText()).append('\n');
            }
            return read(text.toString());
        }
    }

    /** Reads plan text (UTF-8 already decoded): one paragraph a line. */
    public ReadPlan read(String text) {
        return new Reading(text).run();
    }

    private static final class Reading {
        final List<String> lines = new ArrayList<>();
        final List<String> unplaced = new ArrayList<>();
        final List<Section> sections = new ArrayList<>();
        final List<Goal> goals = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final List<Phase> phases = new ArrayList<>();
        final List<AnnexDuty> duties = new ArrayList<>();
        final List<Requirement> requirements = new ArrayList<>();
        final List<UnitLists.Standing> standing = new ArrayList<>();
        final List<String> titleLines = new ArrayList<>();
        final List<String> groupQuotes = new ArrayList<>();
        String documentNumber, noticeTitle, title, issuer, guidingIdea, groupName, convenerUnit, convenerRank,
                officeHost, directorUnit, directorRank, memberRank;
        List<String> members = List.of();
        LocalDate issuedOn;
        ParentPlan parent;
        Period period;
        Kind kind = Kind.PREAMBLE;
        String level1 = "";
        int level1Number;
        boolean bodyStarted;
        // the item being gathered (a level-2 or level-3 paragraph with its continuation lines)
        Kind itemKind;
        String itemPath;
        int itemNumber;
        StringBuilder item;
        boolean tasksAtLevel3;
        boolean tasksAtLevel4;

        Reading(String text) {
            for (String raw : Text.normalise(text).split("\\R")) {
                String line = raw.replaceAll("\\[bookmark: [^]]*]", "").strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }

        ReadPlan run() {
            tasksAtLevel3 = tasksUseLevel3();
            tasksAtLevel4 = !tasksAtLevel3 && tasksUseLevel4();
            for (String line : lines) {
                line(line);
            }
            flush();
            if (title == null && !titleLines.isEmpty()) {
                title = String.join("", titleLines);
            }
            WorkingGroup group = groupName == null && convenerUnit == null && members.isEmpty() ? null
                    : new WorkingGroup(groupName, convenerUnit, convenerRank, officeHost, directorUnit, directorRank,
                            members, memberRank, List.copyOf(groupQuotes));
            return new ReadPlan(documentNumber, title, noticeTitle, issuer, issuedOn, parent, guidingIdea,
                    List.copyOf(sections), List.copyOf(goals), List.copyOf(tasks), period, List.copyOf(phases), group,
                    List.copyOf(duties), List.copyOf(requirements), List.copyOf(unplaced));
        }

        /** Whether the task section numbers its tasks 1. 2. under (一) groups. */
        private boolean tasksUseLevel3() {
            boolean inTasks = false;
            for (String line : lines) {
                Matcher l1 = LEVEL1.matcher(line);
                if (l1.matches()) {
                    inTasks = classify(l1.group(2)) == Kind.TASKS;
                } else if (inTasks && LEVEL3.matcher(line).matches()) {
                    return true;
                } else if (line.startsWith("附件")) {
                    inTasks = false;
                }
            }
            return false;
        }

        /** Whether the task section numbers its tasks (1) (2) right under its heading, with no (一) or 1. above them. */
        private boolean tasksUseLevel4() {
            boolean inTasks = false;
            for (String line : lines) {
                Matcher l1 = LEVEL1.matcher(line);
                if (l1.matches()) {
                    inTasks = classify(l1.group(2)) == Kind.TASKS;
                } else if (inTasks && (LEVEL2.matcher(line).matches() || LEVEL3.matcher(line).matches())) {
                    return false;
                } else if (inTasks && LEVEL4.matcher(line).matches()) {
                    return true;
                } else if (line.startsWith("附件")) {
                    inTasks = false;
                }
            }
            return false;
        }

        private static Kind classify(String heading) {
            if (heading.contains("指导思想") || heading.contains("总体要求")) {
                return Kind.GUIDING;
            }
            if (heading.contains("目标")) {
                return Kind.GOALS;
            }
            if (heading.contains("任务")) {
                return Kind.TASKS;
            }
            if (heading.contains("步骤") || heading.contains("阶段") || heading.contains("时间安排")) {
                return Kind.PHASES;
            }
            if (heading.contains("要求") || heading.contains("保障措施") || heading.contains("组织保障")) {
                return Kind.REQUIREMENTS;
            }
            return Kind.OTHER;
        }

        private void line(String line) {
            if (kind == Kind.PREAMBLE && head(line)) {
                return;
            }
            if (ANNEX_LIST.matcher(line).find()) {
                flush();
                kind = Kind.ANNEX_LIST;
                return;
            }
            Matcher annex = ANNEX.matcher(line);
            if (annex.matches()) {
                flush();
                kind = Kind.ANNEX_OTHER;
                bodyStarted = false;
                level1 = "附件" + annex.group(1);
                return;
            }
            if (kind == Kind.ANNEX_LIST && LEVEL3.matcher(line).matches()) {
                return; // 2.… of the annex list
            }
            if (kind == Kind.ANNEX_OTHER || kind == Kind.ANNEX_GROUP || kind == Kind.ANNEX_DUTIES) {
                annexLine(line);
                return;
            }
            Matcher l1 = LEVEL1.matcher(line);
            if (l1.matches()) {
                flush();
                level1 = l1.group(1);
                level1Number = Text.chineseNumber(level1);
                String rest = l1.group(2);
                int stop = rest.indexOf('。');
                String heading = stop < 0 ? rest : rest.substring(0, stop);
                sections.add(new Section(level1, 1, level1Number, heading, line));
                kind = classify(heading);
                if (stop >= 0 && stop < rest.length() - 1) {
                    body(rest.substring(stop + 1));
                }
                return;
            }
            Matcher l2 = LEVEL2.matcher(line);
            Matcher l3 = LEVEL3.matcher(line);
            Matcher l4 = LEVEL4.matcher(line);
            if (l2.matches()) {
                int n = Text.chineseNumber(l2.group(1));
                String path = level1 + "(" + l2.group(1) + ")";
                Matcher phase = PHASE.matcher(l2.group(2));
                String heading = kind == Kind.PHASES && phase.find() ? phase.group(1) : heading(l2.group(2));
                sections.add(new Section(path, 2, n, heading, line));
                if (kind == Kind.TASKS && tasksAtLevel3) {
                    flush();
                    level2Path = path;
                    String rest = l2.group(2);
                    int stop = rest.indexOf('。');
                    if (stop >= 0 && stop < rest.length() - 1) {
                        body(rest.substring(stop + 1));
                    }
                    return;
                }
                start(path, n, l2.group(2));
            } else if (l3.matches()) {
                int n = Integer.parseInt(l3.group(1));
                String path = (level2Path != null && kind == Kind.TASKS ? level2Path : level1) + n + ".";
                sections.add(new Section(path, 3, n, heading(l3.group(2)), line));
                if (kind == Kind.TASKS && tasksAtLevel3) {
                    start(path, tasks.size() + (item == null ? 1 : 2), l3.group(2));
                } else {
                    append(line);
                }
            } else if (l4.matches()) {
                int n = Integer.parseInt(l4.group(1));
                if (kind == Kind.TASKS && tasksAtLevel4) {
                    String path = level1 + "(" + n + ")";
                    sections.add(new Section(path, 4, n, heading(l4.group(2)), line));
                    start(path, tasks.size() + (item == null ? 1 : 2), l4.group(2));
                    return;
                }
                sections.add(new Section((itemPath == null ? level1 : itemPath) + "(" + n + ")", 4, n,
                        heading(l4.group(2)), line));
                append(line);
            } else {
                body(line);
            }
        }

        String level2Path;

        private static String heading(String rest) {
            int stop = rest.indexOf('。');
            return stop < 0 ? rest : rest.substring(0, stop);
        }

        /** The lines before the first section: number, notice, addressees, date, issuer, title, preamble. */
        private boolean head(String line) {
            if (documentNumber == null && DOCUMENT_NUMBER.matcher(line).matches()) {
                documentNumber = line;
                return true;
            }
            Matcher notice = NOTICE_TITLE.matcher(line);
            if (notice.matches()) {
                noticeTitle = line;
                title = notice.group(2);
                return true;
            }
            Matcher date = DATE.matcher(line);
            if (date.matches()) {
                issuedOn = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
                return true;
            }
            if (line.endsWith(":") && !line.contains("。")) {
                return true; // the addressees
            }
            if (line.contains("印发给你们")) {
                return true; // the notice's body
            }
            if (issuer == null && ISSUER.matcher(line).matches()) {
                issuer = line;
                return true;
            }
            if (LEVEL1.matcher(line).matches()) {
                return false;
            }
            if (!line.contains("。") && !line.contains(",") && line.length() <= 40) {
                titleLines.add(line);
                return true;
            }
            for (String sentence : Text.sentences(line)) {
                Matcher p = PARENT.matcher(sentence);
                if (parent == null && p.find()) {
                    parent = new ParentPlan("《" + p.group(2) + "》", p.group(1) == null ? null : p.group(1).strip(), sentence);
                } else {
                    unplaced.add(sentence);
                }
            }
            return true;
        }

        private void start(String path, int number, String text) {
            flush();
            itemKind = kind;
            itemPath = path;
            itemNumber = number;
            item = new StringBuilder(text);
        }

        private void append(String line) {
            if (item == null) {
                body(line);
            } else {
                item.append('\n').append(line);
            }
        }

        /** A line that is no numbered item: continuation of the current item, or text of the section. */
        private void body(String line) {
            if (item != null) {
                item.append('\n').append(line);
                return;
            }
            switch (kind) {
                case GUIDING -> guidingIdea = guidingIdea == null ? line : guidingIdea + line;
                case GOALS -> {
                    // goals written as one paragraph rather than numbered (一)(二): each sentence is a goal
                    for (String sentence : Text.sentences(line)) {
                        String goal = sentence.replaceAll("。$", "");
                        goals.add(new Goal(goals.size() + 1, goal, "", sentence));
                    }
                }
                case PHASES -> {
                    Matcher p = PERIOD.matcher(line);
                    if (p.find()) {
                        LocalDate end = monthEnd(Integer.parseInt(p.group(2)), Integer.parseInt(p.group(3)), p.group(4));
                        LocalDate startDate = p.group(1).equals("方案印发之日") ? issuedOn
                                : monthDay(p.group(1), end.getYear());
                        period = new Period(startDate, end, p.group(5) != null, line);
                    } else if ((p = MONTH_PERIOD.matcher(line)).find()) {
                        int startYear = Integer.parseInt(p.group(1));
                        int endYear = p.group(3) == null ? startYear : Integer.parseInt(p.group(3));
                        period = new Period(LocalDate.of(startYear, Integer.parseInt(p.group(2)), 1),
                                monthEnd(endYear, Integer.parseInt(p.group(4)), "底"), p.group(5) != null, line);
                    } else {
                        unplaced.addAll(Text.sentences(line));
                    }
                }
                case TASKS -> {
                    UnitLists.Standing s = UnitLists.standing(line);
                    if (s != null) {
                        standing.add(s);
                    } else {
                        unplaced.addAll(Text.sentences(line));
                    }
                }
                default -> unplaced.addAll(Text.sentences(line));
            }
        }

        private void flush() {
            if (item == null) {
                return;
            }
            String text = item.toString();
            item = null;
            switch (itemKind) {
                case GOALS -> {
                    int stop = text.indexOf('。');
                    goals.add(new Goal(itemNumber, stop < 0 ? text : text.substring(0, stop),
                            stop < 0 ? "" : text.substring(stop + 1).strip(), text));
                }
                case TASKS -> task(text);
                case PHASES -> phase(text);
                case REQUIREMENTS -> {
                    int stop = text.indexOf('。');
                    String heading = stop < 0 ? text : text.substring(0, stop);
                    String rest = stop < 0 ? "" : text.substring(stop + 1).strip();
                    Matcher group = GROUP_NAME.matcher(rest);
                    if (group.find()) {
                        groupName = group.group(1);
                        groupQuotes.add(Text.sentences(rest.substring(group.start())).getFirst());
                        Matcher convener = CONVENER_INLINE.matcher(rest);
                        if (convenerUnit == null && convener.find()) {
                            convenerUnit = convener.group(1).strip();
                            convenerRank = convener.group(2);
                        }
                        Matcher host = OFFICE_HOST.matcher(rest);
                        if (officeHost == null && host.find()) {
                            officeHost = host.group(1).strip();
                        }
                    }
                    requirements.add(new Requirement(itemPath, heading, rest, text));
                }
                default -> unplaced.addAll(Text.sentences(text.replace('\n', ' ')));
            }
        }

        private void task(String text) {
            UnitLists.Standing before = UnitLists.standing(text);
            UnitLists.Clause clause = UnitLists.find(text);
            String withoutUnits = clause == null ? text : (text.substring(0, clause.start()) + text.substring(clause.end()));
            String flat = withoutUnits.replace('\n', ' ').replaceAll("。\\s*。", "。").strip();
            if (before != null) {
                flat = flat.replace(before.quote(), "").strip();
            }
            int stop = flat.indexOf('。');
            String title = stop < 0 ? flat : flat.substring(0, stop);
            String body = stop < 0 ? "" : flat.substring(stop + 1).strip();
            List<Problem> problems = new ArrayList<>();
            ProblemLists.Focus focus = ProblemLists.focus(body);
            if (focus != null) {
                for (String name : ProblemLists.split(focus.list())) {
                    problems.add(new Problem(problems.size() + 1, name, focus.quote()));
                }
            }
            List<ResponsibleUnit> units = clause == null ? UnitLists.parse("", "", standing)
                    : UnitLists.parse(clause.body(), text.substring(clause.start(), clause.end()), standing);
            tasks.add(new Task(tasks.size() + 1, itemPath, title, body, List.copyOf(problems), units,
                    clause == null ? null : text.substring(clause.start(), clause.end()), text));
            if (before != null) {
                standing.add(before); // applies to the tasks after this one
            }
        }

        private void phase(String text) {
            String flat = text.replace('\n', ' ');
            Matcher m = PHASE.matcher(flat);
            if (!m.find()) {
                unplaced.addAll(Text.sentences(flat));
                return;
            }
            String dates = m.group(2);
            int year = period != null ? period.endsOn().getYear() : issuedOn != null ? issuedOn.getYear() : LocalDate.now().getYear();
            List<LocalDate> found = new ArrayList<>();
            Matcher md = MONTH_DAY.matcher(dates);
            while (md.find()) {
                int y = md.group(1) == null ? year : Integer.parseInt(md.group(1));
                found.add(monthEnd(y, Integer.parseInt(md.group(2)), md.group(3)));
            }
            if (found.isEmpty()) {
                Matcher month = MONTH.matcher(dates);
                List<int[]> months = new ArrayList<>();
                while (month.find()) {
                    months.add(new int[] {month.group(1) == null ? year : Integer.parseInt(month.group(1)),
                            Integer.parseInt(month.group(2))});
                }
                if (!months.isEmpty()) {
                    int[] first = months.getFirst();
                    int[] last = months.getLast();
                    if (months.size() == 2 && months.get(1)[0] == year && first[0] != year) {
                        last = new int[] {first[0], last[1]}; // "2023年5月至6月": the year carries over
                    }
                    phases.add(new Phase(phases.size() + 1, m.group(1), LocalDate.of(first[0], first[1], 1),
                            monthEnd(last[0], last[1], "底"), dates.contains("长期"), m.group(3).strip(), flat));
                    return;
                }
            }
            LocalDate startsOn;
            LocalDate endsOn;
            if (found.size() >= 2) {
                startsOn = found.get(0);
                endsOn = found.get(1);
            } else if (found.size() == 1 && (dates.contains("前") || dates.contains("底") || dates.startsWith("至"))) {
                startsOn = phases.isEmpty() ? (period != null ? period.startsOn() : issuedOn)
                        : phases.getLast().endsOn() == null ? null : phases.getLast().endsOn().plusDays(1);
                endsOn = found.getFirst();
            } else if (found.size() == 1) {
                startsOn = found.getFirst();
                endsOn = null;
            } else {
                startsOn = null;
                endsOn = null;
            }
            phases.add(new Phase(phases.size() + 1, m.group(1), startsOn, endsOn, dates.contains("长期"),
                    m.group(3).strip(), flat));
        }

        private void annexLine(String line) {
            if (!bodyStarted && !line.contains(":") && !line.contains("。") && !LEVEL2.matcher(line).find()) {
                // the annex's title, possibly over several lines; it says what the annex holds
                // 职责 first: "成员单位职责分工" is a duties annex
                if (line.contains("分工") || line.contains("职责") || line.contains("职能")) {
                    kind = Kind.ANNEX_DUTIES;
                } else if (line.contains("成员") || line.contains("组成")) {
                    kind = Kind.ANNEX_GROUP;
                }
                return;
            }
            bodyStarted = true;
            Matcher duty = DUTY_LINE.matcher(line);
            if (kind == Kind.ANNEX_DUTIES && duty.matches()) {
                List<String> pieces = new ArrayList<>();
                for (String sentence : Text.sentences(duty.group(3))) {
                    for (String piece : Text.splitTopLevel(sentence, ";")) {
                        String p = piece.replaceAll("[。]$", "").strip();
                        if (!p.isEmpty()) {
                            pieces.add(p);
                        }
                    }
                }
                duties.add(new AnnexDuty(duty.group(1), duty.group(2).strip(), pieces, line));
                return;
            }
            Matcher convener = CONVENER.matcher(line);
            if (convener.matches()) {
                convenerUnit = convener.group(1).strip();
                convenerRank = convener.group(2);
                groupQuotes.add(line);
                return;
            }
            Matcher m = MEMBERS.matcher(line);
            if (m.matches()) {
                members = UnitLists.names(m.group(1));
                memberRank = m.group(2);
                groupQuotes.add(line);
                return;
            }
            boolean placed = false;
            Matcher host = OFFICE_HOST.matcher(line);
            if (host.find()) {
                officeHost = host.group(1).strip();
                placed = true;
            }
            Matcher director = OFFICE_DIRECTOR.matcher(line);
            if (director.find()) {
                String who = director.group(1);
                int comma = Math.max(who.lastIndexOf(','), who.lastIndexOf('。'));
                directorUnit = who.substring(comma + 1).strip();
                directorRank = director.group(2);
                placed = true;
            }
            if (placed) {
                groupQuotes.add(line);
            } else {
                unplaced.addAll(Text.sentences(line));
            }
        }

        private LocalDate monthDay(String text, int year) {
            Matcher md = MONTH_DAY.matcher(text);
            if (!md.find()) {
                return null;
            }
            return monthEnd(md.group(1) == null ? year : Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)), md.group(3));
        }

        private static LocalDate monthEnd(int year, int month, String day) {
            LocalDate first = LocalDate.of(year, month, 1);
            if (day.startsWith("底")) {
                return first.withDayOfMonth(first.lengthOfMonth());
            }
            return first.withDayOfMonth(Integer.parseInt(day.replace("日", "")));
        }
    }
}
