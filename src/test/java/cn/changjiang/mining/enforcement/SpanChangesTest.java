package cn.changjiang.mining.enforcement;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.enforcement.CandidateWatch.SpanChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The department spans the candidate watch announces, without a database. */
class SpanChangesTest {

    @Test
    void shouldAnnounceOnlyTheSpansARecountMovedAndRememberThem() {
        Map<String, Integer> known = new HashMap<>(Map.of("m-1", 2, "m-2", 1));
        Map<String, Integer> recounted = new LinkedHashMap<>();
        recounted.put("m-1", 2);
        recounted.put("m-2", 3);
        recounted.put("m-new", 1);
        recounted.put("m-3", 0);

        List<SpanChange> moved = CandidateWatch.moved(known, recounted);

        assertThat(moved).containsExactly(new SpanChange("m-2", 1, 3), new SpanChange("m-new", 0, 1));
        assertThat(known).containsEntry("m-2", 3).containsEntry("m-new", 1).containsEntry("m-3", 0)
                .containsEntry("m-1", 2);
        assertThat(CandidateWatch.moved(known, recounted)).as("the same recount again moves nothing").isEmpty();
    }

    @Test
    void shouldCountAMineAsReachingTheThresholdOnlyWhenItsSpanCrossesItUpwards() {
        assertThat(new SpanChange("m", 1, 2).reached(2)).isTrue();
        assertThat(new SpanChange("m", 0, 4).reached(2)).isTrue();
        assertThat(new SpanChange("m", 2, 3).reached(2)).as("already a candidate").isFalse();
        assertThat(new SpanChange("m", 3, 1).reached(2)).as("falling").isFalse();
        assertThat(new SpanChange("m", 0, 1).reached(2)).as("not yet").isFalse();
    }
}
