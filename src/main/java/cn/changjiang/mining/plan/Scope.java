package cn.changjiang.mining.plan;

import java.util.List;

/**
 * What a read covers: the jurisdiction asked about (the viewer's own by default) and the districts (区/县) it takes in,
 * whose ids the ledger's mines and problems carry ({@code m.district}, {@code i.district}). Queries filter with
 * {@code i.district IN $districts}.
 */
public record Scope(String jurisdiction, List<String> districts) {

    public Scope {
        districts = List.copyOf(districts);
    }
}
