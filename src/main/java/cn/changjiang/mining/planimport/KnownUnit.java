package cn.changjiang.mining.planimport;

import java.util.List;

/** A unit already in the graph: its id (POLICE, NATURAL_RESOURCES, …), official name and the other names it goes by. */
public record KnownUnit(String id, String name, List<String> aliases) {

    public KnownUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
