package cn.changjiang.mining.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deterministic synthetic campaign of a given size: townships, minerals, case officers, mines and the problems
 * found at them, with the skew of real ledgers. The same sizes and seed give the same graph, row for row.
 * <ul>
 *   <li>townships and minerals by a Zipf law: the first few are far busier than the rest;</li>
 *   <li>one mine in a hundred is a hot spot that gets six times its share of problems (dozens each);</li>
 *   <li>about 30% of problems open (待交办, 整改中, 申请验收, 继续挂账), the rest 销号 or 依法关闭;</li>
 *   <li>violation types by a Zipf law; the lead unit is the type's competent lead, a quarter with a supporting unit.</li>
 * </ul>
 * Everything invented is marked: names end in (虚构), ids start with {@code syn-}, nodes carry {@code synthetic: true}.
 */
final class SyntheticLedger {

    static final String[] HEADERS = {"台账编号", "矿山名称", "采矿许可证号", "问题类型", "问题来源", "发现日期", "问题描述",
            "严重程度", "整改措施", "整改期限", "责任单位", "配合单位", "责任人", "状态", "销号日期"};
    private static final String[] MINERALS = {"建筑用石料", "瓷石", "高岭土", "建筑用砂", "钨", "萤石", "铜", "黄金", "石灰岩",
            "稀土", "锂云母", "煤"};
    private static final String[] METHODS = {"OPEN_PIT", "UNDERGROUND", "TAILINGS"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 4, 20);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final int HOT_EVERY = 100;
    private static final double HOT_SHARE = 0.06;

    /** What the generated rows refer to: the plan's departments, and each violation type's competent lead. */
    record Plan(List<String> departments, List<String> violationTypes, Map<String, String> leadOfType) {
    }

    private final int mines;
    private final int problems;
    private final long seed;
    private final Plan plan;
    private final int townships;
    private final int peoplePerUnit;
    private final double[] townshipWeights;
    private final double[] mineralWeights;
    private final double[] typeWeights;

    SyntheticLedger(int mines, int problems, long seed, Plan plan) {
        this.mines = mines;
        this.problems = problems;
        this.seed = seed;
        this.plan = plan;
        this.townships = Math.max(5, mines / 200);
        this.peoplePerUnit = Math.max(2, mines / 100);
        this.townshipWeights = zipf(townships, 1.0);
        this.mineralWeights = zipf(MINERALS.length, 1.1);
        this.typeWeights = zipf(plan.violationTypes().size(), 0.8);
    }

    int mines() {
        return mines;
    }

    int problems() {
        return problems;
    }

    static String mineId(int n) {
        return "syn-mine-%06d".formatted(n);
    }

    String township(int n) {
        return "合成%03d镇(虚构)".formatted(n);
    }

    List<Map<String, Object>> townshipRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < townships; n++) {
            rows.add(Map.of("name", township(n), "government", township(n).replace("镇(虚构)", "镇人民政府(虚构)")));
        }
        return rows;
    }

    List<Map<String, Object>> personRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String unit : plan.departments()) {
            for (int n = 0; n < peoplePerUnit; n++) {
                rows.add(Map.of("id", personId(unit, n), "name", "合成经办人%s-%d(虚构)".formatted(unit, n), "unit", unit));
            }
        }
        return rows;
    }

    private static String personId(String unit, int n) {
        return "syn-person-" + unit + "-" + n;
    }

    /** Mines {@code from} (inclusive) to {@code to} (exclusive); each mine's attributes depend on its number only. */
    List<Map<String, Object>> mineRows(int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = from; n < to; n++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
            Map<String, Object> row = new HashMap<>();
            row.put("id", mineId(n));
            row.put("name", "合成矿%06d(虚构)".formatted(n));
            row.put("licence", "SYN-%d-%06d".formatted(seed, n));
            row.put("licenceStatus", random.nextDouble() < 0.8 ? "VALID" : random.nextBoolean() ? "EXPIRED" : "REVOKED");
            row.put("method", METHODS[random.nextInt(METHODS.length)]);
            row.put("township", township(pick(townshipWeights, random)));
            row.put("mineral", MINERALS[pick(mineralWeights, random)]);
            row.put("latitude", 29.0 + random.nextDouble() * 0.6);
            row.put("longitude", 116.9 + random.nextDouble() * 0.5);
            rows.add(row);
        }
        return rows;
    }

    /** Ledger rows {@code from} (inclusive) to {@code to} (exclusive) as one CSV file in the import template's columns. */
    String ledgerCsv(int from, int to) {
        return ledgerCsv(from, to, "SYN-" + seed);
    }

    /** The same rows under other ledger numbers ({@code numberPrefix-n}): new problems at the same mines. */
    String ledgerCsv(int from, int to, String numberPrefix) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADERS).get())) {
            for (int n = from; n < to; n++) {
                String[] row = problem(n);
                row[0] = "%s-%07d".formatted(numberPrefix, n);
                csv.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String[] problem(int n) {
        SplittableRandom random = new SplittableRandom(seed * 7_000_003L + n);
        int mine = random.nextDouble() < HOT_SHARE
                ? Math.min(mines - 1, random.nextInt(Math.max(1, mines / HOT_EVERY)) * HOT_EVERY)
                : random.nextInt(mines);
        String first = plan.violationTypes().get(pick(typeWeights, random));
        List<String> types = new ArrayList<>(List.of(first));
        if (random.nextDouble() < 0.2) {
            String second = plan.violationTypes().get(pick(typeWeights, random));
            if (!second.equals(first)) {
                types.add(second);
            }
        }
        double s = random.nextDouble();
        String source = s < 0.70 ? "排查" : s < 0.85 ? "群众举报" : s < 0.93 ? "媒体披露" : "扫黑除恶";
        LocalDate foundOn = FIRST_DAY.plusDays(random.nextInt((int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay())));
        double v = random.nextDouble();
        String severity = v < 0.70 ? "一般" : v < 0.92 ? "较重" : "重大";
        double st = random.nextDouble();
        String status = st < 0.05 ? "待交办" : st < 0.20 ? "整改中" : st < 0.24 ? "申请验收" : st < 0.30 ? "继续挂账"
                : st < 0.94 ? "已销号" : "依法关闭";
        boolean assigned = !status.equals("待交办");
        String lead = assigned ? plan.leadOfType().getOrDefault(first,
                plan.departments().get(random.nextInt(plan.departments().size()))) : "";
        String supporting = "";
        if (assigned && random.nextDouble() < 0.25) {
            String other = plan.departments().get(random.nextInt(plan.departments().size()));
            supporting = other.equals(lead) ? "" : other;
        }
        String person = assigned && random.nextDouble() < 0.6 ? personId(lead, random.nextInt(peoplePerUnit)) : "";
        LocalDate deadline = foundOn.plusDays(30 + random.nextInt(150));
        boolean finished = status.equals("已销号") || status.equals("依法关闭");
        LocalDate closedOn = finished ? min(foundOn.plusDays(10 + random.nextInt(190)), LAST_DAY) : null;
        return new String[] {null, "", "SYN-%d-%06d".formatted(seed, mine),
                String.join("、", types), source, foundOn.toString(), "合成问题%07d:%s(虚构)".formatted(n, first), severity,
                assigned ? "整改措施%07d(虚构)".formatted(n) : "", assigned ? deadline.toString() : "", lead, supporting,
                person, status, closedOn == null ? "" : closedOn.toString()};
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Cumulative weights of a Zipf law with exponent {@code s} over {@code n} ranks. */
    private static double[] zipf(int n, double s) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += 1 / Math.pow(k + 1, s);
            cumulative[k] = total;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
