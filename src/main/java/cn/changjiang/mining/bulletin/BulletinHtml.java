package cn.changjiang.mining.bulletin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The bulletin as one XHTML page, served as it is ({@code /bulletin.html}) and laid out as the PDF
 * ({@link BulletinPdf}). Every text from the ledger is escaped ({@link #escape}), so a title such as
 * {@code <script>} reads as text in a browser and cannot break the XML the PDF renderer parses.
 */
final class BulletinHtml {

    /** The font family the PDF renderer is given the embedded CJK font under. */
    static final String FONT_FAMILY = "BulletinCJK";
    static final String TITLE = "关于打击非法采矿专项整治工作进展情况的通报";

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter NUMBER = DateTimeFormatter.ofPattern("MMdd");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private BulletinHtml() {
    }

    static String render(Bulletin b) {
        Bulletin.Figures f = b.figures();
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head>
                <meta charset="utf-8"/>
                <title>""").append(escape(b.name() + TITLE)).append("""
                </title>
                <style>
                @page {
                  size: A4;
                  margin: 22mm 18mm 20mm 18mm;
                  @bottom-center {
                    content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                    font-family: '%1$s', sans-serif; font-size: 9pt; color: #555;
                  }
                }
                body { font-family: '%1$s', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
                       font-size: 10.5pt; line-height: 1.55; color: #111; max-width: 60em; margin: 0 auto; }
                .issuer { text-align: center; color: #b00000; font-size: 20pt; letter-spacing: 2pt; margin: 0; }
                .number { text-align: center; margin: 4pt 0 0 0; }
                hr.red { border: none; border-top: 1.5pt solid #b00000; margin: 6pt 0 12pt 0; }
                h1 { text-align: center; font-size: 15pt; margin: 6pt 0 10pt 0; }
                h2 { font-size: 12pt; margin: 14pt 0 4pt 0; page-break-after: avoid; }
                p { margin: 4pt 0; text-indent: 2em; }
                p.meta { text-indent: 0; color: #444; font-size: 9.5pt; }
                table { width: 100%%; border-collapse: collapse; -fs-table-paginate: paginate; margin: 4pt 0; }
                thead { display: table-header-group; }
                tr { page-break-inside: avoid; }
                th, td { border: 0.5pt solid #888; padding: 2pt 4pt; font-size: 9pt; vertical-align: top; text-align: left; }
                th { background: #eee; }
                td.n { text-align: right; white-space: nowrap; }
                td.d { white-space: nowrap; }
                .none { color: #666; text-indent: 2em; }
                </style>
                </head>
                <body>
                """.formatted(FONT_FAMILY));
        html.append("<p class=\"issuer\">").append(escape(b.name())).append("打击非法采矿专项整治工作专班办公室</p>\n");
        html.append("<p class=\"number\">专班通报〔").append(b.to().getYear()).append("〕")
                .append(NUMBER.format(b.to())).append("号</p>\n<hr class=\"red\"/>\n");
        html.append("<h1>").append(TITLE).append("</h1>\n");
        html.append("<p class=\"meta\">行政区划:").append(escape(b.name())).append("(").append(escape(b.jurisdiction()))
                .append(")  统计期:").append(day(b.from())).append("至").append(day(b.to()))
                .append("  生成日期:").append(day(b.generatedOn())).append("</p>\n");

        html.append("<h2>一、本期数据</h2>\n");
        html.append("<p>本期新发现问题 ").append(f.found()).append(" 件;办结问题 ").append(f.finished())
                .append(" 件,其中验收销号 ").append(f.closed()).append(" 件。截至").append(day(b.generatedOn()))
                .append(",未结问题 ").append(f.open()).append(" 件,其中逾期 ").append(f.overdue())
                .append(" 件;挂牌督办未结问题 ").append(f.supervised()).append(" 件。本期发起联合执法行动 ")
                .append(f.actionsOpened()).append(" 次,结束 ").append(f.actionsClosed()).append(" 次。</p>\n");
        html.append("<table><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody>\n");
        row(html, "本期新发现问题(件)", f.found());
        row(html, "本期办结问题(件)", f.finished());
        row(html, "其中验收销号(件)", f.closed());
        row(html, "未结问题(件)", f.open());
        row(html, "其中逾期(件)", f.overdue());
        row(html, "挂牌督办未结问题(件)", f.supervised());
        row(html, "本期发起联合执法行动(次)", f.actionsOpened());
        row(html, "本期结束联合执法行动(次)", f.actionsClosed());
        html.append("</tbody></table>\n");

        html.append("<h2>二、逾期最久的问题</h2>\n");
        table(html, b.mostOverdue(), List.of("序号", "问题", "矿山", "牵头单位", "整改期限", "逾期天数"), "ttttdn", List.of(
                p -> text(p.title()), p -> text(p.mine()), p -> text(p.leadUnit()), p -> iso(p.deadline()),
                p -> String.valueOf(p.daysOverdue())), "无逾期问题。");

        html.append("<h2>三、本期新销号的问题</h2>\n");
        table(html, b.newlyClosed(), List.of("序号", "问题", "矿山", "牵头单位", "发现日期", "销号日期"), "ttttdd", List.of(
                p -> text(p.title()), p -> text(p.mine()), p -> text(p.leadUnit()), p -> iso(p.foundOn()),
                p -> iso(p.closedOn())), "本期无新销号的问题。");

        html.append("<h2>四、联合执法行动</h2>\n");
        table(html, b.actions(), List.of("序号", "矿山", "牵头单位", "计划日期", "发起日期", "结束日期", "状态"), "tttdddt", List.of(
                a -> text(a.mine()), a -> text(a.leadUnit()), a -> iso(a.plannedOn()), a -> iso(a.openedOn()),
                a -> iso(a.closedOn()), a -> text(status(a.status()))), "本期无发起或结束的联合执法行动。");

        html.append("<h2>五、进度滞后的单位</h2>\n");
        html.append("<p class=\"meta\">截至统计期末发现的问题中有逾期未结问题的单位,按逾期数排序。</p>\n");
        table(html, b.unitsBehind(), List.of("序号", "单位", "交办", "未结", "逾期", "按期销号", "逾期销号"), "ttnnnnn", List.of(
                u -> text(u.name()), u -> String.valueOf(u.assigned()), u -> String.valueOf(u.open()),
                u -> String.valueOf(u.overdue()), u -> String.valueOf(u.closedOnTime()), u -> String.valueOf(u.closedLate())),
                "无进度滞后的单位。");

        html.append("<p class=\"meta\">本通报数据取自问题台账(与 GraphQL 接口同一读取路径);期末数据为生成时的状态。</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, int value) {
        html.append("<tr><td>").append(label).append("</td><td class=\"n\">").append(value).append("</td></tr>\n");
    }

    /**
     * A numbered table of the rows, each cell already escaped; {@code none} when there are no rows. {@code kinds} has
     * a letter per column, the number's included: t text, d a date (kept on one line), n a number (to the right).
     */
    private static <T> void table(StringBuilder html, List<T> rows, List<String> headings, String kinds,
                                  List<Function<T, String>> cells, String none) {
        if (rows.isEmpty()) {
            html.append("<p class=\"none\">").append(none).append("</p>\n");
            return;
        }
        html.append("<table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        int n = 0;
        for (T row : rows) {
            html.append("<tr><td class=\"n\">").append(++n).append("</td>");
            for (int c = 0; c < cells.size(); c++) {
                char kind = kinds.charAt(c + 1);
                html.append(kind == 'n' ? "<td class=\"n\">" : kind == 'd' ? "<td class=\"d\">" : "<td>")
                        .append(cells.get(c).apply(row)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String status(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "OPEN" -> "进行中";
            case "RESULT_RECORDED" -> "已记录结果";
            case "CLOSED" -> "已结束";
            default -> code;
        };
    }

    private static String day(LocalDate day) {
        return day == null ? "—" : CHINESE_DATE.format(day);
    }

    private static String iso(LocalDate day) {
        return day == null ? "—" : ISO.format(day);
    }

    private static String text(String value) {
        return value == null ? "—" : escape(value);
    }

    /**
     * Text as XHTML character data or attribute value: the five markup characters as entities, and the control
     * characters XML 1.0 does not allow dropped.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
