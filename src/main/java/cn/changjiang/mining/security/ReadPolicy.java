package cn.changjiang.mining.security;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.graph.Where;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import graphql.language.Definition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.parser.Parser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The one read policy: the union of every feature's {@link ReadRules}, asked by every path that reads (GraphQL
 * fields through {@code web.ReadGuard}; subgraphs, chains, search, text filters and counts through the methods here and
 * the Cypher condition {@link #PROBLEM_DETAILS_READABLE}). It is an allow-list: a field, node property or
 * relationship no feature declared is read by {@link Audience#WHOLE_READERS} only.
 */
@Component
public class ReadPolicy {

    /** The relationships that put a unit on a problem: it rectifies it or supervises it. */
    public static final String PROBLEM_UNIT_RELATIONSHIPS = "ASSIGNED_TO|SUPERVISED_BY";

    /**
     * The Cypher form of {@link Audience#PROBLEM_UNITS} for a problem {@code i}: true for every reader except a unit
     * officer, who reads the details of its own unit's problems only. Bind {@code $readerUnit} with {@link #readerUnit}.
     */
    public static final String PROBLEM_DETAILS_READABLE = problemDetailsReadable("i");

    /** {@link #PROBLEM_DETAILS_READABLE} for a problem bound to another variable. */
    public static String problemDetailsReadable(String problem) {
        return "($readerUnit IS NULL OR EXISTS { (" + problem + ")-[:" + PROBLEM_UNIT_RELATIONSHIPS + "]->(:Unit {id: $readerUnit}) })";
    }

    private final Map<String, Audience> fieldAudiences = new HashMap<>();
    private final Map<String, Audience> typeAudiences = new HashMap<>();
    private final Map<String, Function<Object, String>> problemOf = new HashMap<>();
    private final Map<String, ReadDeclarations.Element> elements = new HashMap<>();
    private final Set<String> undeclaredFiles = new TreeSet<>();
    private final ProblemUnits problemUnits;

    @Autowired
    ReadPolicy(List<ReadRules> rules, ProblemUnits problemUnits) {
        this(rules, problemUnits, schemaFiles());
    }

    ReadPolicy(List<ReadRules> rules, ProblemUnits problemUnits, Map<String, String> schemaFiles) {
        this.problemUnits = problemUnits;
        ReadDeclarations declared = new ReadDeclarations();
        rules.forEach(r -> r.declare(declared));
        schemaFiles.forEach((file, sdl) -> {
            Audience fileAudience = declared.files.get(file);
            if (fileAudience == null) {
                undeclaredFiles.add(file);
            }
            Map<String, Audience> types = declared.typesInFile.getOrDefault(file, Map.of());
            for (Definition<?> definition : Parser.parse(sdl).getDefinitions()) {
                if (definition instanceof ObjectTypeDefinition type) {
                    Audience audience = types.getOrDefault(type.getName(), fileAudience == null ? Audience.WHOLE_READERS : fileAudience);
                    if (!(type instanceof ObjectTypeExtensionDefinition)) {
                        typeAudiences.put(type.getName(), audience);
                    }
                    for (FieldDefinition field : type.getFieldDefinitions()) {
                        fieldAudiences.put(type.getName() + "." + field.getName(), audience);
                    }
                }
            }
        });
        fieldAudiences.putAll(declared.fields);
        problemOf.putAll(declared.problemOf);
        elements.putAll(declared.elements);
    }

    private static Map<String, String> schemaFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                files.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Schema files no feature declared: everything in them is for {@link Audience#WHOLE_READERS} only. */
    public Set<String> undeclaredSchemaFiles() {
        return Collections.unmodifiableSet(undeclaredFiles);
    }

    /** Who reads a field ({@code Type.field}); a field nobody declared is for {@link Audience#WHOLE_READERS}. */
    public Audience field(String type, String field) {
        return fieldAudiences.getOrDefault(type + "." + field, Audience.WHOLE_READERS);
    }

    /** Who may see objects of a type at all, wherever they are reached from. */
    public Audience type(String type) {
        return typeAudiences.getOrDefault(type, Audience.WHOLE_READERS);
    }

    /** Whether a type is declared at all (scalars and enums are not object types and need no declaration). */
    public boolean declaresType(String type) {
        return typeAudiences.containsKey(type);
    }

    /** The problem an object's {@link Audience#PROBLEM_UNITS} fields belong to, or null if its type names none. */
    public String problemOf(String type, Object source) {
        Function<Object, String> of = problemOf.get(type);
        return of == null || source == null ? null : of.apply(source);
    }

    /**
     * What an analyst's {@code where} may filter on, for this viewer: a field (or a related type) it reads on every
     * row, never one it reads only on some (a unit officer's view of another unit's problem details) or not at all
     * (an analyst's view of phone numbers). A filter on such a field is refused, never silently matched: matching
     * would tell what the field holds.
     */
    public Where.Guard whereGuard(Viewer viewer) {
        return (type, field) -> {
            Audience audience = field == null ? type(type) : field(type, field);
            if (!audience.admits(viewer, false)) {
                throw new ForbiddenException("A where may not filter on " + type + (field == null ? "" : "." + field)
                        + ": it is not readable by this role on every row");
            }
        };
    }

    /** A unit officer's unit, whose problems alone it reads in full; null for every other viewer. */
    public static String readerUnit(Viewer viewer) {
        return viewer.is(Role.UNIT_OFFICER) ? viewer.unitId() : null;
    }

    /** The problems a unit officer reads in full; empty for other viewers (who need no such list). */
    public Set<String> ownProblems(Viewer viewer) {
        String unit = readerUnit(viewer);
        return unit == null ? Set.of() : problemUnits.problemsOf(unit);
    }

    /** Whether a node label or relationship type may be shown to the viewer at all. */
    public boolean mayShow(Viewer viewer, String element, boolean ownProblem) {
        ReadDeclarations.Element declared = elements.get(element);
        return (declared == null ? Audience.WHOLE_READERS : declared.audience).admits(viewer, ownProblem);
    }

    /** The properties of a node or relationship the viewer may read; the rest are left out. */
    public Map<String, Object> visibleProperties(Viewer viewer, String element, Map<String, Object> properties, boolean ownProblem) {
        ReadDeclarations.Element declared = elements.get(element);
        Map<String, Object> visible = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            Audience audience = declared == null ? Audience.WHOLE_READERS : declared.property(name);
            if (audience.admits(viewer, ownProblem)) {
                visible.put(name, value);
            }
        });
        return visible;
    }
}
