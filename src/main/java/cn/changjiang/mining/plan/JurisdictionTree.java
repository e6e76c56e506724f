package cn.changjiang.mining.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;

/**
 * The jurisdictions (省 → 市 → 区/县) and where each unit works, as one immutable snapshot, and the one rule of scope:
 * which jurisdiction a viewer's role is for, which of them it may ask about, and which districts that covers. Pure
 * Java, so the rule is tested without a database ({@link Scopes} loads the snapshot).
 *
 * @param levels   jurisdiction id → level name (PROVINCE, CITY, DISTRICT)
 * @param parents  jurisdiction id → parent id (absent for a province)
 * @param units    unit id → the jurisdiction it works in (the one it serves, else the one it belongs to)
 * @param home     the deployment's home jurisdiction: that of a viewer whose role names none
 */
public record JurisdictionTree(Map<String, String> levels, Map<String, String> parents, Map<String, String> units,
                               String home) {

    public static final String DISTRICT = "DISTRICT";

    /** The jurisdiction a viewer's role is for: its own claim, else its unit's, else the home jurisdiction. */
    public String jurisdictionOf(Viewer viewer) {
        if (viewer.jurisdiction() != null) {
            return viewer.jurisdiction();
        }
        if (viewer.is(Role.UNIT_OFFICER) && units.containsKey(viewer.unitId())) {
            return units.get(viewer.unitId());
        }
        return home;
    }

    /**
     * The scope of a read: the requested jurisdiction (the viewer's own when null), which must be the viewer's own or
     * part of it. NOT_FOUND for an unknown id, FORBIDDEN for one outside the viewer's.
     */
    public Scope scope(Viewer viewer, String requested) {
        String own = jurisdictionOf(viewer);
        String asked = requested == null ? own : requested;
        if (!levels.containsKey(asked)) {
            if (requested == null) {
                // A role for a jurisdiction not in the graph sees nothing rather than everything.
                return new Scope(asked, List.of());
            }
            throw new NotFoundException("jurisdiction", "No jurisdiction with id " + asked);
        }
        if (!within(asked, own)) {
            throw new ForbiddenException("Jurisdiction " + asked + " is outside " + own
                    + ", the jurisdiction this role is for");
        }
        return new Scope(asked, districtsWithin(asked));
    }

    /** Whether {@code id} is {@code ancestor} or part of it, at any depth. */
    public boolean within(String id, String ancestor) {
        for (String at = id; at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The districts (区/县) that are {@code id} or part of it, by id. */
    public List<String> districtsWithin(String id) {
        List<String> districts = new ArrayList<>();
        levels.forEach((j, level) -> {
            if (DISTRICT.equals(level) && within(j, id)) {
                districts.add(j);
            }
        });
        districts.sort(null);
        return List.copyOf(districts);
    }

    /** The units that work in {@code id} or a jurisdiction part of it, by id, sorted. */
    public List<String> unitsWithin(String id) {
        List<String> within = new ArrayList<>();
        units.forEach((unit, j) -> {
            if (within(j, id)) {
                within.add(unit);
            }
        });
        within.sort(null);
        return List.copyOf(within);
    }

    /** The district a jurisdiction id names, when it names one. */
    public Optional<String> district(String id) {
        return DISTRICT.equals(levels.get(id)) ? Optional.of(id) : Optional.empty();
    }

    static JurisdictionTree of(List<Row> rows, Map<String, String> units, String home) {
        Map<String, String> levels = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (Row row : rows) {
            levels.put(row.id(), row.level());
            if (row.parent() != null) {
                parents.put(row.id(), row.parent());
            }
        }
        return new JurisdictionTree(Map.copyOf(levels), Map.copyOf(parents), Map.copyOf(units), home);
    }

    /** One jurisdiction as the graph holds it. */
    record Row(String id, String level, String parent) {
    }
}
