package cn.changjiang.mining.plan;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule of scope, without a database: whose jurisdiction a role is for, what it may ask about, which districts. */
class JurisdictionTreeTest {

    private static final JurisdictionTree TREE = JurisdictionTree.of(List.of(
            new JurisdictionTree.Row("JIANGXI", "PROVINCE", null),
            new JurisdictionTree.Row("JINGDEZHEN", "CITY", "JIANGXI"),
            new JurisdictionTree.Row("CHANGJIANG", "DISTRICT", "JINGDEZHEN"),
            new JurisdictionTree.Row("ZHUSHAN", "DISTRICT", "JINGDEZHEN"),
            new JurisdictionTree.Row("GANZHOU", "CITY", "JIANGXI"),
            new JurisdictionTree.Row("ZHANGGONG", "DISTRICT", "GANZHOU")),
            Map.of("POLICE", "CHANGJIANG", "ZG_POLICE", "ZHANGGONG"), "CHANGJIANG");

    @Test
    void aRoleWithoutAJurisdictionIsForItsUnitsOrTheHomeOne() {
        assertThat(TREE.jurisdictionOf(new Viewer("o", Role.OFFICE, null))).isEqualTo("CHANGJIANG");
        assertThat(TREE.jurisdictionOf(new Viewer("p", Role.UNIT_OFFICER, "ZG_POLICE"))).isEqualTo("ZHANGGONG");
        assertThat(TREE.jurisdictionOf(new Viewer("l", Role.LEADER, null, "GANZHOU"))).isEqualTo("GANZHOU");
    }

    @Test
    void aCityLeaderSeesTheCitysDistrictsAndMayNarrowToOne() {
        Viewer cityLeader = new Viewer("l", Role.LEADER, null, "JINGDEZHEN");
        assertThat(TREE.scope(cityLeader, null)).isEqualTo(new Scope("JINGDEZHEN", List.of("CHANGJIANG", "ZHUSHAN")));
        assertThat(TREE.scope(cityLeader, "ZHUSHAN").districts()).containsExactly("ZHUSHAN");
        assertThat(TREE.scope(new Viewer("p", Role.LEADER, null, "JIANGXI"), null).districts())
                .containsExactly("CHANGJIANG", "ZHANGGONG", "ZHUSHAN");
    }

    @Test
    void nobodyAsksAboveOrBesideTheirOwnJurisdiction() {
        Viewer districtOffice = new Viewer("o", Role.OFFICE, null, "CHANGJIANG");
        assertThatThrownBy(() -> TREE.scope(districtOffice, "JINGDEZHEN")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> TREE.scope(districtOffice, "ZHUSHAN")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> TREE.scope(new Viewer("l", Role.LEADER, null, "JINGDEZHEN"), "ZHANGGONG"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> TREE.scope(districtOffice, "NOWHERE")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRoleForAJurisdictionTheGraphLacksSeesNothing() {
        assertThat(TREE.scope(new Viewer("x", Role.ANALYST, null, "ELSEWHERE"), null).districts()).isEmpty();
    }
}
