package cn.changjiang.mining.planimport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A name as a document writes it (区公安局, 各乡(镇)人民政府, 自然资源部门) resolved against the units of a jurisdiction
 * and their aliases, as the graph keeps them ({@code Unit.name}, {@code Unit.aliases}). First the name or an alias
 * itself, after normalising punctuation (full-width brackets, 〔〕) and a leading 各 or trailing 等; then a name that
 * contains exactly one known name or alias, or is contained in exactly one (at least three characters). Otherwise
 * none: an unknown name is reported, never guessed.
 */
public final class UnitNames {

    private final List<KnownUnit> units;

    public UnitNames(List<KnownUnit> units) {
        this.units = List.copyOf(units);
    }

    public List<KnownUnit> units() {
        return units;
    }

    public Optional<KnownUnit> resolve(String nameInDocument) {
        if (nameInDocument == null || nameInDocument.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(nameInDocument);
        Set<KnownUnit> exact = new LinkedHashSet<>();
        for (KnownUnit unit : units) {
            for (String known : names(unit)) {
                if (normalise(known).equals(name)) {
                    exact.add(unit);
                }
            }
        }
        if (exact.size() == 1) {
            return Optional.of(exact.iterator().next());
        }
        if (!exact.isEmpty()) {
            return Optional.empty();
        }
        Set<KnownUnit> containing = new LinkedHashSet<>();
        for (KnownUnit unit : units) {
            for (String known : names(unit)) {
                String k = normalise(known);
                if (k.length() >= 3 && name.length() >= 3 && (name.contains(k) || k.contains(name))) {
                    containing.add(unit);
                }
            }
        }
        return containing.size() == 1 ? Optional.of(containing.iterator().next()) : Optional.empty();
    }

    /** Every unit a text names, in the order they first appear (longest name first where two overlap). */
    public List<KnownUnit> mentionedIn(String text) {
        String t = normalise(text);
        List<int[]> hits = new ArrayList<>();
        List<KnownUnit> hitUnits = new ArrayList<>();
        for (KnownUnit unit : units) {
            for (String known : names(unit)) {
                String k = normalise(known);
                if (k.length() < 3) {
                    continue;
                }
                for (int at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + 1)) {
                    hits.add(new int[] {at, at + k.length()});
                    hitUnits.add(unit);
                }
            }
        }
        List<KnownUnit> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            int[] hit = hits.get(i);
            boolean inside = false;
            for (int[] other : hits) {
                if (other != hit && other[0] <= hit[0] && other[1] >= hit[1] && other[1] - other[0] > hit[1] - hit[0]) {
                    inside = true;
                }
            }
            if (!inside && !out.contains(hitUnits.get(i))) {
                out.add(hitUnits.get(i));
            }
        }
        out.sort((a, b) -> Integer.compare(first(t, a), first(t, b)));
        return out;
    }

    private int first(String text, KnownUnit unit) {
        int best = Integer.MAX_VALUE;
        for (String known : names(unit)) {
            int at = text.indexOf(normalise(known));
            if (at >= 0 && normalise(known).length() >= 3) {
                best = Math.min(best, at);
            }
        }
        return best;
    }

    private static List<String> names(KnownUnit unit) {
        List<String> names = new ArrayList<>();
        names.add(unit.name());
        names.addAll(unit.aliases());
        return names;
    }

    static String normalise(String name) {
        String s = Text.normalise(name).replace('〔', '(').replace('〕', ')').replaceAll("\\s+", "");
        if (s.startsWith("各")) {
            s = s.substring(1);
        }
        while (s.endsWith("等")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
