package cn.changjiang.mining.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.changjiang.mining.common.IssueStatus;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A generated province: one province plan, its cities' plans and their districts' plans, WRITTEN AS TEXT in the
 * genre's format (the seed plan's and 珠山区's) with the formatting real plans vary in (责任单位:… or 牵头单位:…;配合单位:…,
 * 主要任务/重点任务/工作任务, tasks numbered (一) or 1. under (一) groups or (1), ASCII or full-width punctuation), each
 * citing its parent plan and setting up its 专班 in annex 1. The jurisdictions (province, cities, districts and a few
 * townships each, PART_OF) are reference data written over Bolt; the plans go through {@code importPlan}
 * ({@link PlanImporter}, createUnits: true, dryRun: false), so the units of every level are the ones the texts name.
 * Then each district gets mines in its townships near its centre (districts of a city lie 0.1° apart on a row, and
 * each district's first mine sits 0.045° east of its centre and its second 0.045° west, so neighbours have mines about
 * 1 km apart) and problems of the campaign's violation types, assigned to the district's unit of the type's competent
 * function. Ids start with the province's id; {@link #remove} deletes everything.
 */
public final class ProvinceGenerator {

    /** How big: cities, districts in all (spread over the cities), townships, mines and problems in all. */
    public record Shape(String id, String name, int cities, int districts, int townshipsPerDistrict, int mines,
                        int problems, long seed) {
    }

    /** A jurisdiction to write: level PROVINCE, CITY, DISTRICT or TOWNSHIP, with its centre. */
    public record Place(String id, String name, String level, String parent, double latitude, double longitude) {
    }

    /** A plan's text for one jurisdiction, with what the text names (to check the import against). */
    public record PlanText(String jurisdiction, String level, String documentNumber, String text, int tasks,
                           List<String> unitNames, String convener) {
    }

    /** What the import answered for one plan. */
    public record Imported(String planId, int tasks, int unitsNamed, int unitsMatched, int unplaced) {
    }

    /** importPlan, over whatever path the caller has (GraphQL over HTTP, the test's tester). */
    @FunctionalInterface
    public interface PlanImporter {
        Imported importPlan(String text, String jurisdiction);
    }

    /** Violation types and, for each, the function of its competent lead unit (from COMPETENT_UNIT). */
    public record Catalogue(List<String> types, Map<String, String> leadFunctionOfType) {
    }

    private static final String[] CITY_NAMES = {"临川市", "青州市", "云阳市", "南华市", "东岭市", "西江市", "北源市", "清河市",
            "白石市", "龙泉市", "玉山市", "金溪市", "丰城市", "安远市", "宁都市"};
    private static final String[] SYLLABLES = {"东", "西", "南", "北", "青", "白", "金", "石", "龙", "凤", "云", "山", "水", "林",
            "泉", "桥", "安", "宁", "平", "丰", "新", "华", "阳", "湖"};
    private static final String[] TOWN_SUFFIX = {"镇", "乡", "街道"};
    private static final String[] TASK_TITLES = {"打击非法采矿", "强化矿山生态修复", "规范矿山安全生产", "加强矿产品运输监管",
            "推进绿色矿山建设"};
    private static final String[] TASK_TEXTS = {
            "依法严厉打击各类非法采矿行为。重点整治无证开采、越界开采、以采代探等问题。",
            "督促矿山企业履行修复义务。重点整治未履行生态修复义务、未缴存生态修复基金等问题。",
            "加强非煤矿山安全监管。重点整治非法储存民用爆炸物品、超能力组织生产等问题。",
            "加强矿产品运输车辆管理。重点整治矿山运输车辆超限超载等问题。",
            "加强部门联合监管。重点整治未按绿色矿山标准建设等问题。"};
    /** The functions each task names, lead first. */
    private static final String[][] TASK_FUNCTIONS = {
            {"NATURAL_RESOURCES", "POLICE", "FORESTRY"},
            {"ECOLOGY", "NATURAL_RESOURCES", "FORESTRY", "AGRI_WATER"},
            {"EMERGENCY", "POLICE", "MARKET"},
            {"TRANSPORT", "POLICE", "NATURAL_RESOURCES"},
            {"NATURAL_RESOURCES", "ECOLOGY", "TOWNSHIPS"}};
    /** The 专班's members: every function of the seeded district's 13 departments, so each has a unit at every level. */
    static final String[] MEMBER_FUNCTIONS = {"PUBLICITY", "POLITICS_LAW", "DEVELOPMENT_REFORM", "SCIENCE_TECH",
            "INDUSTRY_IT", "POLICE", "NATURAL_RESOURCES", "ECOLOGY", "TRANSPORT", "AGRI_WATER", "EMERGENCY", "FORESTRY",
            "MARKET"};
    private static final String TITLE_TAIL = "深入整治规范矿产资源保护开发利用专项行动实施方案";
    private static final LocalDate TODAY = LocalDate.now();

    private final Shape shape;
    private final List<Place> places = new ArrayList<>();
    private final List<PlanText> plans = new ArrayList<>();

    public ProvinceGenerator(Shape shape) {
        this.shape = shape;
        build();
    }

    public Shape shape() {
        return shape;
    }

    public List<Place> places() {
        return places;
    }

    public List<Place> places(String level) {
        return places.stream().filter(p -> p.level().equals(level)).toList();
    }

    /** The plans, province first, then cities, then districts: each cites one already imported. */
    public List<PlanText> plans() {
        return plans;
    }

    private void build() {
        double lat0 = 27.0;
        double lon0 = 118.0;
        places.add(new Place(shape.id(), shape.name(), "PROVINCE", null, lat0, lon0));
        for (int c = 0; c < shape.cities(); c++) {
            places.add(new Place(shape.id() + "-C" + (c + 1), CITY_NAMES[c % CITY_NAMES.length] + (c < CITY_NAMES.length ? "" : String.valueOf(c)),
                    "CITY", shape.id(), lat0 + c * 0.5, lon0));
        }
        List<Place> cities = places("CITY");
        java.util.Set<String> names = new java.util.HashSet<>();
        int[] perCity = new int[cities.size()];
        for (int d = 0; d < shape.districts(); d++) {
            int c = d % cities.size();
            Place city = cities.get(c);
            int k = perCity[c]++;
            String name = SYLLABLES[(d * 7) % SYLLABLES.length] + SYLLABLES[(d * 5 + 3 + d / SYLLABLES.length) % SYLLABLES.length]
                    + (d % 3 == 2 ? "县" : "区");
            if (!names.add(name)) {
                name = name.charAt(0) + String.valueOf(d) + name.substring(1);
                names.add(name);
            }
            Place district = new Place(city.id() + "-D" + (k + 1), name, "DISTRICT", city.id(), city.latitude(),
                    city.longitude() + k * 0.1);
            places.add(district);
            for (int t = 0; t < shape.townshipsPerDistrict(); t++) {
                places.add(new Place(district.id() + "-T" + (t + 1), name.substring(0, 2) + SYLLABLES[(t * 11 + d) % SYLLABLES.length]
                        + (t + 1) + TOWN_SUFFIX[t % TOWN_SUFFIX.length] + "(" + shape.id() + ")", "TOWNSHIP", district.id(),
                        district.latitude(), district.longitude()));
            }
        }
        int n = 0;
        Place province = places.getFirst();
        plans.add(plan(province, null, n++));
        for (Place city : cities) {
            plans.add(plan(city, province, n++));
        }
        for (Place district : places("DISTRICT")) {
            plans.add(plan(district, place(district.parent()), n++));
        }
    }

    Place place(String id) {
        return places.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** The name a unit of this function has at this level of this jurisdiction. */
    static String unitName(Place j, String function) {
        String n = j.name();
        return switch (j.level()) {
            case "PROVINCE" -> switch (function) {
                case "NATURAL_RESOURCES" -> n + "自然资源厅";
                case "POLICE" -> n + "公安厅";
                case "ECOLOGY" -> n + "生态环境厅";
                case "EMERGENCY" -> n + "应急管理厅";
                case "FORESTRY" -> n + "林业局";
                case "AGRI_WATER" -> n + "水利厅";
                case "TRANSPORT" -> n + "交通运输厅";
                case "MARKET" -> n + "市场监督管理局";
                case "PUBLICITY" -> n.substring(0, n.length() - 1) + "省委宣传部";
                case "POLITICS_LAW" -> n.substring(0, n.length() - 1) + "省委政法委";
                case "DEVELOPMENT_REFORM" -> n + "发展和改革委员会";
                case "SCIENCE_TECH" -> n + "科学技术厅";
                case "INDUSTRY_IT" -> n + "工业和信息化厅";
                case "TOWNSHIPS" -> "各设区市人民政府";
                default -> throw new IllegalArgumentException(function);
            };
            case "CITY" -> switch (function) {
                case "NATURAL_RESOURCES" -> n + "自然资源和规划局";
                case "POLICE" -> n + "公安局";
                case "ECOLOGY" -> n + "生态环境局";
                case "EMERGENCY" -> n + "应急管理局";
                case "FORESTRY" -> n + "林业局";
                case "AGRI_WATER" -> n + "水务局";
                case "TRANSPORT" -> n + "交通运输局";
                case "MARKET" -> n + "市场监督管理局";
                case "PUBLICITY" -> n.substring(0, n.length() - 1) + "市委宣传部";
                case "POLITICS_LAW" -> n.substring(0, n.length() - 1) + "市委政法委";
                case "DEVELOPMENT_REFORM" -> n + "发展和改革委员会";
                case "SCIENCE_TECH" -> n + "科学技术局";
                case "INDUSTRY_IT" -> n + "工业和信息化局";
                case "TOWNSHIPS" -> "各县区人民政府";
                default -> throw new IllegalArgumentException(function);
            };
            default -> switch (function) {
                case "NATURAL_RESOURCES" -> n + "自然资源局";
                case "POLICE" -> n + "公安分局";
                case "ECOLOGY" -> n + "生态环境局";
                case "EMERGENCY" -> n + "应急管理局";
                case "FORESTRY" -> n + "林业局";
                case "AGRI_WATER" -> n + "农业农村水利局";
                case "TRANSPORT" -> n + "交通运输局";
                case "MARKET" -> n + "市场监督管理局";
                case "PUBLICITY" -> n + "委宣传部";
                case "POLITICS_LAW" -> n + "委政法委";
                case "DEVELOPMENT_REFORM" -> n + "发改委";
                case "SCIENCE_TECH" -> n + "科技局";
                case "INDUSTRY_IT" -> n + "工信局";
                case "TOWNSHIPS" -> n.hashCode() % 2 == 0 ? "各乡(镇)人民政府" : "各乡镇(街道)";
                default -> throw new IllegalArgumentException(function);
            };
        };
    }

    /** One plan's text; the variant (n) picks its formatting. */
    private PlanText plan(Place j, Place parent, int n) {
        boolean fullWidth = n % 2 == 1;
        int numbering = n % 3;          // 0: (一) tasks, 1: 1. tasks under (一) groups, 2: (1) tasks
        boolean leadAndSupport = n % 4 >= 2;
        String colon = fullWidth ? "：" : ":";
        String open = fullWidth ? "（" : "(";
        String close = fullWidth ? "）" : ")";
        String comma = fullWidth ? "，" : ",";
        String whole = switch (j.level()) {
            case "PROVINCE" -> "全省";
            case "CITY" -> "全市";
            default -> j.name();
        };
        String title = whole + TITLE_TAIL;
        String abbreviation = j.name().substring(0, 1);
        String number = abbreviation + (j.level().equals("PROVINCE") ? "府厅字" : "府办字") + "〔2023〕" + (100 + n) + "号";
        String issuer = j.name() + "人民政府办公" + (j.level().equals("PROVINCE") ? "厅" : "室");
        String self = switch (j.level()) {
            case "PROVINCE" -> "省";
            case "CITY" -> "市";
            default -> j.name().endsWith("县") ? "县" : "区";
        };
        List<String> unitNames = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        t.append(number).append('\n');
        t.append("关于印发《").append(title).append("》的通知\n");
        t.append("各有关单位").append(colon).append('\n');
        t.append("现将《").append(title).append("》印发给你们").append(comma).append("请认真遵照执行。\n");
        t.append("2023年").append(3 + (n % 3)).append("月").append(1 + n % 27).append("日\n");
        t.append(j.name().equals(whole) ? "" : "").append(title).append('\n');
        t.append("为认真贯彻落实党中央、国务院决策部署").append(comma);
        if (parent != null) {
            String parentWhole = parent.level().equals("PROVINCE") ? "全省" : "全市";
            t.append(n % 2 == 0 ? "现根据" : "依据").append(parent.name()).append("人民政府办公")
                    .append(parent.level().equals("PROVINCE") ? "厅" : "室").append("印发的《").append(parentWhole)
                    .append(TITLE_TAIL).append("》要求").append(comma);
        }
        t.append("结合本").append(self).append("实际").append(comma).append("制定本方案。\n");
        t.append("一、工作目标\n");
        t.append(open).append("一").append(close).append("开发秩序明显好转。无证开采、越界开采等违法行为得到有效遏制。\n");
        t.append("二、").append(new String[] {"主要任务", "重点任务", "工作任务"}[n % 3]).append('\n');
        int tasks = 3 + n % 3;
        for (int k = 0; k < tasks; k++) {
            String heading = switch (numbering) {
                case 0 -> open + chinese(k + 1) + close;
                case 1 -> (k + 1) + ".";
                default -> "(" + (k + 1) + ")";
            };
            if (numbering == 1 && (k == 0 || k == 2)) {
                t.append(open).append(chinese(k == 0 ? 1 : 2)).append(close)
                        .append(k == 0 ? "打击整治" : "规范提升").append('\n');
            }
            List<String> names = new ArrayList<>();
            for (String f : TASK_FUNCTIONS[k]) {
                names.add(unitName(j, f));
            }
            unitNames.addAll(names);
            String units = leadAndSupport
                    ? "牵头单位" + colon + names.getFirst() + (fullWidth ? "；" : ";") + "配合单位" + colon
                            + String.join("、", names.subList(1, names.size()))
                    : "责任单位" + colon + String.join("、", names);
            t.append(heading).append(TASK_TITLES[k]).append("。").append(TASK_TEXTS[k]);
            if (n % 5 == 4) {
                t.append('\n').append(open).append(units).append(close).append('\n');
            } else {
                t.append(open).append(units).append(close).append('\n');
            }
        }
        t.append("三、工作要求\n");
        String groupName = whole.equals("全省") ? j.name() : whole.equals("全市") ? j.name() : j.name();
        t.append(open).append("一").append(close).append("强化组织领导。成立").append(groupName)
                .append("深入整治规范矿产资源保护开发利用专项行动工作专班").append(comma).append("专班下设办公室")
                .append(comma).append("统筹协调调度推进专项行动。\n");
        t.append(open).append("二").append(close).append("强化督促指导。").append(self)
                .append("专班办公室定期调度工作进展。\n");
        String convener = unitName(j, "NATURAL_RESOURCES");
        List<String> members = new ArrayList<>();
        for (String f : MEMBER_FUNCTIONS) {
            members.add(unitName(j, f));
        }
        unitNames.addAll(members);
        t.append("附件").append(colon).append("1.").append(groupName).append("深入整治规范矿产资源保护开发利用专项行动工作专班成员\n");
        t.append("附件1").append(colon).append('\n');
        t.append(groupName).append("深入整治规范矿产资源保护开发利用专项行动工作专班成员\n");
        t.append("召集人").append(colon).append(convener).append("主要负责同志\n");
        t.append("成 员").append(colon).append("由").append(String.join("、", members)).append("分管负责同志组成。\n");
        t.append(self).append("专班办公室设在").append(convener).append(comma).append("具体负责专项行动日常工作")
                .append(comma).append(convener).append("分管负责同志兼任办公室主任。\n");
        return new PlanText(j.id(), j.level(), number, t.toString(), tasks,
                unitNames.stream().distinct().toList(), convener);
    }

    private static String chinese(int n) {
        return new String[] {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n];
    }

    /** Writes the jurisdictions (PART_OF) and a :Township for each township, PART_OF its district. */
    public void writeJurisdictions(Driver driver) {
        List<Map<String, Object>> rows = places.stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("level", p.level());
            row.put("parent", p.parent());
            return row;
        }).toList();
        write(driver, """
                UNWIND $rows AS row
                MERGE (j:Jurisdiction {id: row.id})
                SET j.name = row.name, j.level = row.level, j.generated = $province
                WITH j, row WHERE row.parent IS NOT NULL
                MATCH (parent:Jurisdiction {id: row.parent})
                MERGE (j)-[:PART_OF]->(parent)""", Map.of("rows", rows, "province", shape.id()));
        write(driver, """
                MATCH (j:Jurisdiction {generated: $province, level: 'TOWNSHIP'})-[:PART_OF]->(d:Jurisdiction)
                MERGE (t:Township {name: j.name})
                SET t.government = j.name + '人民政府', t.synthetic = true, t.generated = $province
                MERGE (t)-[:PART_OF]->(d)""", Map.of("province", shape.id()));
    }

    /** Imports every plan through importPlan, province first; answers what each import read. */
    public List<Imported> importPlans(PlanImporter importer) {
        List<Imported> out = new ArrayList<>();
        for (PlanText plan : plans) {
            out.add(importer.importPlan(plan.text(), plan.jurisdiction()));
        }
        return out;
    }

    /** The campaign's violation types and the function of each one's competent lead, as the graph holds them. */
    public static Catalogue catalogue(Driver driver) {
        try (Session session = driver.session()) {
            List<org.neo4j.driver.Record> rows = session.run("""
                    MATCH (v:ViolationType) WHERE NOT v:TestFixture
                    RETURN v.code AS code,
                           [(v)-[:COMPETENT_UNIT {role: 'LEAD'}]->(u:Unit {kind: 'DEPARTMENT'}) | u.function] AS leads
                    ORDER BY v.code""").list();
            Map<String, String> leads = new LinkedHashMap<>();
            List<String> types = new ArrayList<>();
            for (org.neo4j.driver.Record r : rows) {
                List<String> l = r.get("leads").asList(v -> v.isNull() ? null : v.asString()).stream()
                        .filter(java.util.Objects::nonNull).sorted().toList();
                if (!l.isEmpty()) {
                    types.add(r.get("code").asString());
                    leads.put(r.get("code").asString(), l.getFirst());
                }
            }
            return new Catalogue(types, leads);
        }
    }

    /**
     * Mines of every district in its townships near its centre; the first two of each district at its east and west
     * edge. Mine counts are spread evenly over the districts.
     */
    public List<Map<String, Object>> mineRows() {
        List<Place> districts = places("DISTRICT");
        SplittableRandom random = new SplittableRandom(shape.seed());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < shape.mines(); m++) {
            Place d = districts.get(m % districts.size());
            int k = m / districts.size();
            double lon = k == 0 ? d.longitude() + 0.045 : k == 1 ? d.longitude() - 0.045
                    : d.longitude() + random.nextDouble(-0.03, 0.03);
            double lat = k < 2 ? d.latitude() : d.latitude() + random.nextDouble(-0.03, 0.03);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id() + "-M" + (k + 1));
            row.put("name", d.name() + "矿山" + (k + 1) + "(虚构)");
            row.put("licence", "GEN-" + d.id() + "-" + (k + 1));
            row.put("township", place(d.id() + "-T" + (1 + k % shape.townshipsPerDistrict())).name());
            row.put("district", d.id());
            row.put("latitude", lat);
            row.put("longitude", lon);
            rows.add(row);
        }
        return rows;
    }

    /** Writes the mines over Bolt, with m.district and the township they are located in. */
    public void writeMines(Driver driver) {
        List<Map<String, Object>> all = mineRows();
        for (int from = 0; from < all.size(); from += 10_000) {
            writeMines(driver, all.subList(from, Math.min(all.size(), from + 10_000)));
        }
        // Each township is governed as its district's territorial unit, which the district plan's text names.
        write(driver, """
                MATCH (t:Township {generated: $province})-[:PART_OF]->(d:Jurisdiction)<-[:BELONGS_TO]-(u:Unit {function: 'TOWNSHIPS'})
                MERGE (t)-[:GOVERNED_AS]->(u)""", Map.of("province", shape.id()));
    }

    private void writeMines(Driver driver, List<Map<String, Object>> rows) {
        write(driver, """
                UNWIND $rows AS row
                MATCH (t:Township {name: row.township})
                MERGE (mineral:Mineral {name: '建筑用石料'}) ON CREATE SET mineral.strategic = false
                MERGE (m:Mine {id: row.id})
                SET m.name = row.name, m.licenceNumber = row.licence, m.licenceStatus = 'VALID',
                    m.miningMethod = 'OPEN_PIT', m.greenMine = false, m.synthetic = true, m.district = row.district,
                    m.location = point({latitude: row.latitude, longitude: row.longitude})
                MERGE (m)-[:LOCATED_IN]->(t)
                MERGE (m)-[:PRODUCES]->(mineral)""", Map.of("rows", rows));
    }

    /**
     * Problems spread over the mines: a type of the catalogue, about a third open, some of those overdue; the lead
     * unit is the district's unit of the type's competent function. One problem in {@code crossEvery} also gets a
     * supporting unit of the next district of its city: a mine that needs two jurisdictions.
     */
    public List<Map<String, Object>> problemRows(Catalogue catalogue, int crossEvery) {
        List<Map<String, Object>> mines = mineRows();
        SplittableRandom random = new SplittableRandom(shape.seed() + 1);
        String[] open = IssueStatus.openStatuses().stream().map(Enum::name).toArray(String[]::new);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < shape.problems(); i++) {
            Map<String, Object> mine = mines.get(i % mines.size());
            String district = (String) mine.get("district");
            String type = catalogue.types().get(random.nextInt(catalogue.types().size()));
            boolean isOpen = random.nextInt(3) == 0 || i < mines.size();
            LocalDate found = TODAY.minusDays(30 + random.nextInt(300));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", shape.id() + "-P" + (i + 1));
            row.put("mine", mine.get("id"));
            row.put("type", type);
            row.put("status", isOpen ? open[random.nextInt(open.length)] : "CLOSED");
            row.put("foundOn", found);
            // Found 30 days ago or earlier, so an overdue deadline (at most 29 days ago) is never before the date found.
            row.put("deadline", isOpen && random.nextBoolean() ? TODAY.minusDays(1 + random.nextInt(29)) : TODAY.plusDays(30));
            row.put("district", district);
            row.put("leadFunction", catalogue.leadFunctionOfType().get(type));
            row.put("otherDistrict", crossEvery > 0 && i % crossEvery == 0 && isOpen ? neighbour(district) : null);
            rows.add(row);
        }
        return rows;
    }

    private String neighbour(String district) {
        Place d = place(district);
        List<Place> siblings = places("DISTRICT").stream().filter(p -> p.parent().equals(d.parent())).toList();
        if (siblings.size() < 2) {
            return null;
        }
        return siblings.get((siblings.indexOf(d) + 1) % siblings.size()).id();
    }

    /**
     * Writes problems directly over Bolt, as a test fixture does (the benchmark posts them to the ledger import):
     * AT the mine, OF_TYPE, ASSIGNED_TO the district's unit of the lead function (and a neighbour's, where chosen).
     */
    public void writeProblems(Driver driver, Catalogue catalogue, int crossEvery) {
        write(driver, """
                UNWIND $rows AS row
                MATCH (m:Mine {id: row.mine}), (v:ViolationType {code: row.type})
                CREATE (i:Issue {id: row.id, title: m.name + ':' + v.name, status: row.status, severity: 'MEDIUM',
                                 foundOn: row.foundOn, deadline: row.deadline, supervised: false, synthetic: true,
                                 version: 1, createdAt: datetime(), district: m.district, generated: $province})
                CREATE (i)-[:AT]->(m), (i)-[:OF_TYPE {order: 1}]->(v)
                WITH i, row
                CALL (i, row) {
                  MATCH (u:Unit {function: row.leadFunction})-[:BELONGS_TO]->(:Jurisdiction {id: row.district})
                  WITH u LIMIT 1
                  CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
                }
                CALL (i, row) {
                  MATCH (u:Unit {function: row.leadFunction})-[:BELONGS_TO]->(:Jurisdiction {id: row.otherDistrict})
                  WITH u LIMIT 1
                  CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u)
                }""", Map.of("rows", problemRows(catalogue, crossEvery), "province", shape.id()));
    }

    private static final Map<String, String> STATUS_IN_LEDGER = Map.of("PENDING_ASSIGNMENT", "待交办",
            "RECTIFYING", "整改中", "ACCEPTANCE_REQUESTED", "申请验收", "CARRIED_OVER", "继续挂账", "CLOSED", "已销号");

    /**
     * Problems {@code from} (inclusive) to {@code to} (exclusive) as one CSV file in the ledger import's columns: the
     * path users have. The lead is the district's unit of the type's competent function (its id is the district's id
     * and the function, as importPlan's createUnits made it), a neighbour's unit supporting where chosen.
     */
    public String ledgerCsv(Catalogue catalogue, int crossEvery, int from, int to) {
        List<Map<String, Object>> rows = problemRows(catalogue, crossEvery);
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader(SyntheticLedger.HEADERS).get())) {
            for (Map<String, Object> row : rows.subList(from, to)) {
                String status = (String) row.get("status");
                boolean assigned = !status.equals("PENDING_ASSIGNMENT");
                String lead = assigned && row.get("leadFunction") != null ? row.get("district") + "-" + row.get("leadFunction") : "";
                String supporting = assigned && row.get("otherDistrict") != null && !lead.isEmpty()
                        ? row.get("otherDistrict") + "-" + row.get("leadFunction") : "";
                LocalDate found = (LocalDate) row.get("foundOn");
                csv.printRecord(row.get("id"), "", "GEN-" + ((String) row.get("mine")).replaceFirst("-M(\\d+)$", "-$1"),
                        row.get("type"), "排查", found, "生成问题 " + row.get("id") + "(虚构)", "一般",
                        assigned ? "整改措施(虚构)" : "", assigned ? row.get("deadline") : "", lead, supporting, "",
                        STATUS_IN_LEDGER.get(status), status.equals("CLOSED") ? found.plusDays(20) : "");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Deletes everything generated under the province's id: problems, mines, townships, plans, units, jurisdictions. */
    public static void remove(Driver driver, String province) {
        write(driver, """
                MATCH (i:Issue {generated: $province})
                OPTIONAL MATCH (c:Change {entityId: i.id})
                DETACH DELETE c, i""", Map.of("province", province));
        write(driver, """
                MATCH (j:Jurisdiction {generated: $province})
                OPTIONAL MATCH (m:Mine {district: j.id})
                OPTIONAL MATCH (i:Issue)-[:AT]->(m)
                DETACH DELETE i, m""", Map.of("province", province));
        write(driver, """
                MATCH (j:Jurisdiction {generated: $province})<-[:FOR]-(p:Plan)
                OPTIONAL MATCH (p)-[:SETS_TASK]->(t:PlanTask)
                OPTIONAL MATCH (t)-[:TARGETS]->(problem:PlanProblem)
                OPTIONAL MATCH (p)-[:CONVENES]->(g:PlanWorkingGroup)
                OPTIONAL MATCH (c:Change {entityId: p.id})
                DETACH DELETE problem, t, g, c, p""", Map.of("province", province));
        write(driver, """
                MATCH (j:Jurisdiction {generated: $province})
                OPTIONAL MATCH (u)-[:BELONGS_TO]->(j) WHERE u:Unit OR u:UpperUnit
                OPTIONAL MATCH (t:Township)-[:PART_OF]->(j)
                DETACH DELETE u, t""", Map.of("province", province));
        write(driver, "MATCH (j:Jurisdiction {generated: $province}) DETACH DELETE j", Map.of("province", province));
    }

    private static void write(Driver driver, String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        }
    }
}
