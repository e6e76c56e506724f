package cn.changjiang.mining.jurisdiction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.jurisdiction.PlanImport.ImportedTask;
import cn.changjiang.mining.jurisdiction.PlanImport.ImportedUnit;
import cn.changjiang.mining.jurisdiction.PlanImport.ProposedCompetence;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.planimport.CompetenceProposal;
import cn.changjiang.mining.planimport.CompetenceProposals;
import cn.changjiang.mining.planimport.KnownUnit;
import cn.changjiang.mining.planimport.PlanReader;
import cn.changjiang.mining.planimport.ReadPlan;
import cn.changjiang.mining.planimport.UnitFunctions;
import cn.changjiang.mining.planimport.UnitNames;
import cn.changjiang.mining.security.Access;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code importPlan}: reads a plan's text ({@link PlanReader}), matches its units against the units known in the
 * jurisdiction, proposes competence edges, and unless it is a dry run writes the plan, its tasks, problems and
 * 责任单位 edges under the plan's own ids, in one transaction with a change record. The seeded district's nodes
 * (:Campaign, :Task, :ViolationType) are never touched: imported tasks are :PlanTask, problems :PlanProblem.
 */
@Service
class PlanImports {

    /**
     * The longest text accepted, in characters: the seed plan has about 5,000. Kept under what a request may carry
     * (accountability.limits.max-request-bytes, 256 KiB: three bytes a character), so this limit is the one met.
     */
    static final int MAX_TEXT = 60_000;

    private final CypherRunner graph;
    private final AuditTrail audit;
    private final Access access;
    private final TaskLinking links;
    private final Scopes scopes;
    private final PlanReader reader = new PlanReader();

    PlanImports(CypherRunner graph, AuditTrail audit, Access access, Scopes scopes, TaskLinking links) {
        this.graph = graph;
        this.scopes = scopes;
        this.audit = audit;
        this.access = access;
        this.links = links;
    }

    @Transactional
    public PlanImport importPlan(ImportPlanInput input, Actor actor) {
        access.require(actor.viewer(), Role.OFFICE);
        if (input.jurisdiction() != null) {
            // A district's office writes its district's plan, not its city's: FORBIDDEN outside the role's jurisdiction.
            scopes.of(actor.viewer(), input.jurisdiction());
        }
        String text = input.text();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("input.text", "input.text must not be blank: give the plan's full text");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("input.text", "input.text has " + text.length()
                    + " characters; at most " + MAX_TEXT + " are accepted");
        }
        boolean dryRun = input.dryRun() == null || input.dryRun();
        Jurisdiction jurisdiction = null;
        if (input.jurisdiction() != null) {
            jurisdiction = graph.single("MATCH (j:Jurisdiction {id: $id}) RETURN j AS item",
                            Map.of("id", input.jurisdiction()), Jurisdiction::from)
                    .orElseThrow(() -> new NotFoundException("input.jurisdiction",
                            "No jurisdiction with id " + input.jurisdiction()));
        } else if (!dryRun) {
            throw new InvalidInputException("input.jurisdiction",
                    "A plan is written for a jurisdiction: give input.jurisdiction, or import as a dry run");
        }
        ReadPlan read = reader.read(text);
        if (read.title() == null && read.tasks().isEmpty()) {
            throw new InvalidInputException("input.text", "No plan of this genre found in input.text: neither a title nor a numbered task");
        }

        // A plan known so far only by the title a lower plan cites (V013's JINGDEZHEN-2023) is filled in, not doubled.
        Optional<String> placeholder = Optional.empty();
        if (!dryRun) {
            if (read.title() == null) {
                throw new InvalidInputException("input.text", "The plan's title (方案标题) was not found in input.text");
            }
            placeholder = graph.single("""
                    MATCH (p:Plan {title: $title})-[:FOR]->(:Jurisdiction {id: $jurisdiction})
                    WHERE p.importedAt IS NULL AND NOT (p)-[:SETS_TASK]->() AND NOT (p)-[:SETS_OUT]->()
                      AND (p.documentNumber IS NULL OR p.documentNumber = $documentNumber)
                    RETURN p.id AS item ORDER BY p.id LIMIT 1""", params("documentNumber", read.documentNumber(),
                    "title", read.title(), "jurisdiction", jurisdiction.id()), Value::asString);
            Optional<Plan> existing = graph.single("""
                    MATCH (p:Plan)
                    WHERE (($documentNumber IS NOT NULL AND p.documentNumber = $documentNumber)
                       OR ($documentNumber IS NULL AND p.title = $title AND EXISTS { (p)-[:FOR]->(:Jurisdiction {id: $jurisdiction}) }))
                      AND ($placeholder IS NULL OR p.id <> $placeholder)
                    RETURN p AS item LIMIT 1""", params("documentNumber", read.documentNumber(), "title", read.title(),
                    "jurisdiction", jurisdiction.id(), "placeholder", placeholder.orElse(null)), Plan::from);
            if (existing.isPresent()) {
                throw new ConflictException("Plan " + (read.documentNumber() != null ? read.documentNumber() : read.title())
                        + " is already in the graph as " + existing.get().id() + ": it is not imported twice");
            }
            if (Boolean.TRUE.equals(input.createUnits())) {
                createUnits(read, jurisdiction);
            }
        }
        List<Unit> known = knownUnits(jurisdiction);
        Map<String, Unit> unitsById = new HashMap<>();
        known.forEach(u -> unitsById.put(u.id(), u));
        UnitNames names = new UnitNames(known.stream().map(u -> new KnownUnit(u.id(), u.name(), u.aliases())).toList());

        List<ImportedTask> tasks = new ArrayList<>();
        for (ReadPlan.Task task : read.tasks()) {
            tasks.add(new ImportedTask(task.number(), task.title(),
                    task.problems().stream().map(ReadPlan.Problem::name).toList(),
                    task.responsibleUnits().stream()
                            .map(u -> new ImportedUnit(u.nameInDocument(), ImportedUnitRole.valueOf(u.role().name()),
                                    names.resolve(u.nameInDocument()).map(k -> unitsById.get(k.id())).orElse(null)))
                            .toList()));
        }
        List<ProposedCompetence> competence = new ArrayList<>();
        for (CompetenceProposal p : CompetenceProposals.propose(read, names)) {
            competence.add(new ProposedCompetence(p.task(), p.problem(), p.unitName(),
                    p.unitId() == null ? null : unitsById.get(p.unitId()),
                    ProposedCompetenceRole.valueOf(p.role().name()), ProposedCompetenceBasis.valueOf(p.basis().name()),
                    p.clause(), p.quote()));
        }
        String implementsTitle = read.parentPlan() == null ? null : withoutQuotes(read.parentPlan().title());
        Optional<Plan> parent = implementsTitle == null ? Optional.empty() : parentPlan(implementsTitle, jurisdiction);

        if (dryRun) {
            return new PlanImport(true, null, null, read.documentNumber(), read.title(), read.issuer(), read.issuedOn(),
                    implementsTitle, parent.orElse(null), links.link(tasks, read, jurisdiction, null), competence,
                    read.unplaced());
        }
        String id = placeholder.orElseGet(() -> "plan-" + UUID.randomUUID());
        Plan plan = write(id, read, jurisdiction, parent.orElse(null), names);
        writeWorkingGroup(id, read.workingGroup(), names);
        tasks = links.link(tasks, read, jurisdiction, id);

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("documentNumber", read.documentNumber());
        after.put("title", read.title());
        after.put("issuer", read.issuer());
        after.put("issuedOn", read.issuedOn());
        after.put("jurisdiction", jurisdiction.id());
        after.put("implements", parent.map(Plan::id).orElse(null));
        after.put("tasks", tasks.stream().map(t -> t.number() + " " + t.title()).toList());
        audit.append(actor, "importPlan", "Plan", id, AuditTrail.diff(Map.of(), after));
        return new PlanImport(false, id, plan, read.documentNumber(), read.title(), read.issuer(), read.issuedOn(),
                implementsTitle, parent.orElse(null), tasks, competence, read.unplaced());
    }

    /**
     * The units a plan of the jurisdiction may name: those that belong to it or serve it, and the upper units of the
     * jurisdictions above it. Without a jurisdiction (a dry run), every unit in the graph.
     */
    private List<Unit> knownUnits(Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            return graph.list("""
                    MATCH (u) WHERE u:Unit OR u:UpperUnit
                    RETURN u AS item ORDER BY u.order, u.id""", Map.of(), Unit::from);
        }
        return graph.list("""
                MATCH (j:Jurisdiction {id: $id})
                CALL (j) {
                  MATCH (u:Unit|UpperUnit)-[:BELONGS_TO|SERVES]->(j) RETURN u
                  UNION
                  MATCH (j)-[:PART_OF]->+(:Jurisdiction)<-[:BELONGS_TO]-(u:UpperUnit) RETURN u
                }
                RETURN u AS item ORDER BY u.order, u.id""", Map.of("id", jurisdiction.id()), Unit::from);
    }

    /**
     * The plan the preamble cites, by title: of a jurisdiction above the given one, or, without one, the only plan of
     * that title. Many cities' plans share a title, so an ambiguous title is not linked.
     */
    private Optional<Plan> parentPlan(String title, Jurisdiction jurisdiction) {
        List<Plan> plans = graph.list("""
                MATCH (p:Plan {title: $title})
                WHERE $jurisdiction IS NULL
                   OR EXISTS { (:Jurisdiction {id: $jurisdiction})-[:PART_OF]->+(:Jurisdiction)<-[:FOR]-(p) }
                RETURN p AS item ORDER BY p.id""",
                params("title", title, "jurisdiction",
                        jurisdiction == null ? null : jurisdiction.id()), Plan::from);
        return plans.size() == 1 ? Optional.of(plans.getFirst()) : Optional.empty();
    }

    private Plan write(String id, ReadPlan read, Jurisdiction jurisdiction, Plan parent, UnitNames names) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (ReadPlan.Task task : read.tasks()) {
            List<Map<String, Object>> problems = new ArrayList<>();
            for (ReadPlan.Problem problem : task.problems()) {
                problems.add(params("order", problem.order(), "name", problem.name(), "quote", problem.quote()));
            }
            List<Map<String, Object>> units = new ArrayList<>();
            for (ReadPlan.ResponsibleUnit unit : task.responsibleUnits()) {
                units.add(params("order", unit.order(), "role", unit.role().name(), "name", unit.nameInDocument(),
                        "standing", unit.standing(),
                        "unitId", names.resolve(unit.nameInDocument()).map(KnownUnit::id).orElse(null)));
            }
            tasks.add(params("number", task.number(), "clause", task.clause(), "title", task.title(),
                    "text", task.text(), "quote", task.quote(), "unitsQuote", task.unitsQuote(),
                    "names", task.responsibleUnits().stream().map(ReadPlan.ResponsibleUnit::nameInDocument).toList(),
                    "problems", problems, "units", units));
        }
        Map<String, Object> p = params("id", id, "documentNumber", read.documentNumber(), "title", read.title(),
                "noticeTitle", read.noticeTitle(), "issuer", read.issuer(), "issuedOn", read.issuedOn(),
                "jurisdiction", jurisdiction.id(), "parent", parent == null ? null : parent.id(),
                "parentQuote", read.parentPlan() == null ? null : read.parentPlan().quote(),
                "implementsTitle", read.parentPlan() == null ? null : withoutQuotes(read.parentPlan().title()), "tasks", tasks);
        Plan plan = graph.writeSingle("""
                MATCH (j:Jurisdiction {id: $jurisdiction})
                MERGE (p:Plan {id: $id})
                SET p.documentNumber = $documentNumber, p.title = $title, p.noticeTitle = $noticeTitle,
                    p.issuer = $issuer, p.issuedOn = $issuedOn, p.implementsTitle = $implementsTitle,
                    p.importedAt = datetime()
                MERGE (p)-[:FOR]->(j)
                WITH p
                CALL (p) {
                  MATCH (parent:Plan {id: $parent})
                  MERGE (p)-[r:IMPLEMENTS]->(parent)
                  SET r.quote = coalesce($parentQuote, r.quote)
                }
                RETURN p AS item""", p, Plan::from).orElseThrow();
        graph.write("""
                MATCH (p:Plan {id: $id})
                UNWIND $tasks AS t
                CREATE (task:PlanTask {id: $id + '#' + t.number, number: t.number, clause: t.clause, title: t.title,
                                       text: t.text, quote: t.quote, unitsQuote: t.unitsQuote, responsibleNames: t.names})
                CREATE (p)-[:SETS_TASK {order: t.number}]->(task)
                WITH task, t
                CALL (task, t) {
                  UNWIND t.problems AS problem
                  CREATE (task)-[:TARGETS {order: problem.order}]->(:PlanProblem {id: task.id + '#' + problem.order,
                          name: problem.name, quote: problem.quote})
                }
                CALL (task, t) {
                  UNWIND t.units AS u
                  MATCH (unit:Unit|UpperUnit {id: u.unitId})
                  CREATE (task)-[:ASSIGNS {order: u.order, role: u.role, nameInDocument: u.name, standing: u.standing}]->(unit)
                }
                RETURN count(task) AS item""", p, v -> v);
        return plan;
    }

    /**
     * The plan's 专班 as the text gives it: (:Plan)-[:CONVENES]->(:PlanWorkingGroup), with CONVENER_UNIT to the
     * convener's unit and GROUP_MEMBER to each member unit, where those names match a known unit.
     */
    private void writeWorkingGroup(String planId, ReadPlan.WorkingGroup group, UnitNames names) {
        if (group == null) {
            return;
        }
        graph.write("""
                MATCH (p:Plan {id: $plan})
                CREATE (p)-[:CONVENES]->(wg:PlanWorkingGroup {id: $plan + '#wg', name: $name, convenerUnitName: $convener,
                        convenerRank: $rank, officeHost: $officeHost, quote: $quote, memberNames: $members})
                WITH wg
                CALL (wg) {
                  MATCH (u:Unit|UpperUnit {id: $convenerId})
                  CREATE (wg)-[:CONVENER_UNIT]->(u)
                }
                CALL (wg) {
                  UNWIND range(0, size($memberIds) - 1) AS n
                  MATCH (u:Unit|UpperUnit {id: $memberIds[n]})
                  CREATE (wg)-[:GROUP_MEMBER {order: n + 1}]->(u)
                }
                RETURN count(wg) AS item""", params("plan", planId, "name", group.name(),
                "convener", group.convenerUnit(), "rank", group.convenerRank(), "officeHost", group.officeHost(),
                "quote", String.join("\n", group.quotes()), "members", group.memberUnits(),
                "convenerId", group.convenerUnit() == null ? null
                        : names.resolve(group.convenerUnit()).map(KnownUnit::id).orElse(null),
                "memberIds", group.memberUnits().stream()
                        .map(m -> names.resolve(m).map(KnownUnit::id).orElse(null)).filter(Objects::nonNull)
                        .distinct().toList()), v -> v);
    }

    /**
     * Creates every unit the text names (专班 members, convener, office host, task unit lists) that matches no known
     * unit: a :Unit of a district (an :UpperUnit of a city or province, as V013 keeps them) BELONGS_TO the
     * jurisdiction, under a stable id (jurisdiction id + '-' + its function, else a digest of its name), with its
     * {@code function} ({@link UnitFunctions}) and COUNTERPART_OF the unit of that function one level up, if any.
     */
    private void createUnits(ReadPlan read, Jurisdiction jurisdiction) {
        List<Unit> known = knownUnits(jurisdiction);
        UnitNames names = new UnitNames(known.stream().map(u -> new KnownUnit(u.id(), u.name(), u.aliases())).toList());
        List<String> named = new ArrayList<>();
        ReadPlan.WorkingGroup group = read.workingGroup();
        if (group != null) {
            named.add(group.convenerUnit());
            named.add(group.officeHost());
            named.add(group.officeDirectorUnit());
            named.addAll(group.memberUnits());
        }
        read.tasks().forEach(t -> t.responsibleUnits().forEach(u -> named.add(u.nameInDocument())));
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (String name : named) {
            if (name == null || name.isBlank() || names.resolve(name).isPresent()) {
                continue;
            }
            String id = jurisdiction.id() + "-" + UnitFunctions.key(name);
            // Unit names are unique (V001): a name that does not say whose it is (各乡(镇)人民政府, 区委政法委) is kept
            // under the jurisdiction's name, the document's wording as an alias.
            String own = name.contains(jurisdiction.name()) ? name
                    : jurisdiction.name() + (name.startsWith("各") ? name.substring(1) : name);
            Map<String, Object> row = rows.computeIfAbsent(id, k -> params("id", k, "name", own,
                    "aliases", new ArrayList<String>(), "order", 100 + rows.size(),
                    "kind", UnitFunctions.territorial(name) ? "TERRITORIAL" : "DEPARTMENT",
                    "function", UnitFunctions.of(name).orElse(null)));
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) row.get("aliases");
            if (!row.get("name").equals(name) && !aliases.contains(name)) {
                aliases.add(name);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        boolean district = jurisdiction.level() == JurisdictionLevel.DISTRICT
                || jurisdiction.level() == JurisdictionLevel.TOWNSHIP;
        graph.write(district ? CREATE_UNITS.formatted("Unit") : CREATE_UNITS.formatted("UpperUnit"),
                params("jurisdiction", jurisdiction.id(), "rows", List.copyOf(rows.values())), v -> v);
        scopes.changed();
    }

    /** Units of a jurisdiction with their counterpart above; %s is the label (Unit or UpperUnit), never input. */
    private static final String CREATE_UNITS = """
            MATCH (j:Jurisdiction {id: $jurisdiction})
            UNWIND $rows AS row
            MERGE (u:%s {id: row.id})
            ON CREATE SET u.name = row.name, u.aliases = row.aliases, u.order = row.order, u.kind = row.kind,
                          u.function = row.function, u.campaignLead = false, u.generatedFrom = 'importPlan'
            MERGE (u)-[:BELONGS_TO]->(j)
            WITH u, j
            CALL (u, j) {
              MATCH (j)-[:PART_OF]->(:Jurisdiction)<-[:BELONGS_TO]-(up:Unit|UpperUnit)
              WHERE u.function IS NOT NULL AND up.function = u.function AND up <> u
                AND NOT EXISTS { (u)-[:COUNTERPART_OF]->() }
              WITH up ORDER BY up.id LIMIT 1
              MERGE (u)-[:COUNTERPART_OF]->(up)
            }
            RETURN count(u) AS item""";

    /** A title as the graph keeps it: without the 《》 a citation puts around it. */
    private static String withoutQuotes(String title) {
        return title.replace("《", "").replace("》", "").strip();
    }

    /** A parameter map that may hold nulls. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
