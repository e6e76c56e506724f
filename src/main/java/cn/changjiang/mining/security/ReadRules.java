package cn.changjiang.mining.security;

/**
 * What one feature lets each audience read of what it owns: its GraphQL schema file (types and fields, including
 * fields it adds to other features' types) and the graph elements it writes (node properties, relationships).
 * Implemented next to the feature as a bean; {@link ReadPolicy} enforces the union of all of them, once, on every
 * path. Anything not declared is read by {@link Audience#WHOLE_READERS} only.
 */
public interface ReadRules {

    void declare(ReadDeclarations rules);
}
