package cn.changjiang.mining.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The declarations {@link ReadRules} make. Schema declarations are by file, so every field a feature's SDL defines
 * (or adds to another feature's type with {@code extend type}) has its audience; types and fields can then be
 * narrowed or widened one by one.
 */
public final class ReadDeclarations {

    final Map<String, Audience> files = new HashMap<>();
    final Map<String, Map<String, Audience>> typesInFile = new HashMap<>();
    final Map<String, Audience> fields = new HashMap<>();
    final Map<String, Function<Object, String>> problemOf = new HashMap<>();
    final Map<String, Element> elements = new HashMap<>();

    /** Every type and field the SDL file defines or extends is read by this audience, unless narrowed below. */
    public ReadDeclarations schemaFile(String file, Audience audience) {
        files.put(file, audience);
        return this;
    }

    /** Every field the file defines for this type (including its extensions there) is read by this audience. */
    public ReadDeclarations type(String file, String type, Audience audience) {
        typesInFile.computeIfAbsent(file, f -> new HashMap<>()).put(type, audience);
        return this;
    }

    /** These fields ({@code Type.field}) are read by this audience, whoever's file defines them. */
    public ReadDeclarations fields(Audience audience, String... typeAndFields) {
        for (String field : typeAndFields) {
            fields.put(field, audience);
        }
        return this;
    }

    /** How to tell, for an object of this GraphQL type, which problem its {@link Audience#PROBLEM_UNITS} fields belong to. */
    public ReadDeclarations problemOf(String type, Function<Object, String> problemId) {
        problemOf.put(type, problemId);
        return this;
    }

    /**
     * A node label or relationship type as graph-shaped answers show it (subgraphs, networks): the element itself is
     * seen by {@code audience}, and each of its properties by the same audience unless {@link Element#properties}
     * says otherwise. With {@code allProperties} false, only properties declared with {@link Element#properties}
     * are shown at all.
     */
    public Element element(String labelOrType, Audience audience, boolean allProperties) {
        Element element = new Element(audience, allProperties);
        elements.put(labelOrType, element);
        return element;
    }

    /** One node label or relationship type's declaration. */
    public static final class Element {
        final Audience audience;
        final boolean allProperties;
        final Map<String, Audience> properties = new HashMap<>();

        Element(Audience audience, boolean allProperties) {
            this.audience = audience;
            this.allProperties = allProperties;
        }

        public Element properties(Audience audience, String... names) {
            for (String name : names) {
                properties.put(name, audience);
            }
            return this;
        }

        Audience property(String name) {
            Audience declared = properties.get(name);
            return declared != null ? declared : allProperties ? audience : Audience.WHOLE_READERS;
        }
    }
}
