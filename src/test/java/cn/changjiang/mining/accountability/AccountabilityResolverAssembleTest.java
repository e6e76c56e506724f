package cn.changjiang.mining.accountability;

import cn.changjiang.mining.plan.UnitKind;
import cn.changjiang.mining.plan.PersonRank;
import java.util.List;

import cn.changjiang.mining.accountability.RoleFacts.PersonIn;
import cn.changjiang.mining.accountability.RoleFacts.UnitRole;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import org.junit.jupiter.api.Test;

import static cn.changjiang.mining.accountability.AccountabilityRole.ASSIGNED_LEAD;
import static cn.changjiang.mining.accountability.AccountabilityRole.COMPETENT_LEAD;
import static cn.changjiang.mining.accountability.AccountabilityRole.DUTY_HOLDER;
import static cn.changjiang.mining.accountability.AccountabilityRole.TASK_SUPPORTING;
import static cn.changjiang.mining.accountability.AccountabilityRole.TERRITORIAL;
import static org.assertj.core.api.Assertions.assertThat;

/** "Who is accountable" answers from facts made here: no Spring, no database. */
class AccountabilityResolverAssembleTest {

    private static Unit unit(String id) {
        return new Unit(id, id + "名", id, List.of(), UnitKind.DEPARTMENT, false, 0);
    }

    private static Person person(String id, String rank) {
        return new Person(id, id + "名", null, PersonRank.valueOf(rank), null, false);
    }

    @Test
    void shouldListEachUnitOnceWithItsRolesStrongestFirstAndTheirGrounds() {
        Unit police = unit("POLICE");
        Unit towns = unit("TOWNSHIPS");
        Unit ecology = unit("ECOLOGY");
        RoleFacts facts = new RoleFacts(List.of(),
                List.of(new UnitRole(police, COMPETENT_LEAD, "附件2(七):主办")),
                List.of(new UnitRole(police, DUTY_HOLDER, "附件2(七):职责一"), new UnitRole(police, DUTY_HOLDER, "附件2(七):职责二")),
                List.of(new UnitRole(police, TASK_SUPPORTING, "三(三)配合"), new UnitRole(ecology, TASK_SUPPORTING, "三(三)配合")),
                List.of(new UnitRole(towns, TERRITORIAL, "属地管理:石碌镇")),
                List.of(), List.of());
        Accountability answer = AccountabilityResolver.assemble("violationType:T3.01", facts);

        assertThat(answer.subject()).isEqualTo("violationType:T3.01");
        assertThat(answer.units()).extracting(u -> u.unit().id()).containsExactly("POLICE", "ECOLOGY", "TOWNSHIPS");
        assertThat(answer.units().getFirst().roles()).containsExactly(COMPETENT_LEAD, DUTY_HOLDER, TASK_SUPPORTING);
        assertThat(answer.units().getFirst().grounds())
                .containsExactly("附件2(七):主办", "附件2(七):职责一;附件2(七):职责二", "三(三)配合");
    }

    @Test
    void shouldPutTheLedgersResponsiblePersonFirstThenDeputiesThenPrincipalsOfReachedUnitsOnly() {
        Unit police = unit("POLICE");
        Person responsible = person("p-resp", "OFFICER");
        Person deputyB = person("p-b", "DEPUTY");
        Person deputyA = person("p-a", "DEPUTY");
        Person principal = person("p-head", "PRINCIPAL");
        RoleFacts facts = new RoleFacts(List.of(new UnitRole(police, ASSIGNED_LEAD, "问题台账交办:炸药")), List.of(),
                List.of(), List.of(), List.of(), List.of(new PersonIn(responsible, police)),
                List.of(new PersonIn(principal, police), new PersonIn(deputyB, police), new PersonIn(deputyA, police),
                        new PersonIn(person("p-elsewhere", "DEPUTY"), unit("MARKET")),
                        new PersonIn(principal, police)));
        Accountability answer = AccountabilityResolver.assemble("issue:i-1", facts);

        assertThat(answer.units().getFirst().people()).extracting(Person::id)
                .containsExactly("p-resp", "p-a", "p-b", "p-head");
        assertThat(answer.people()).isEqualTo(answer.units().getFirst().people());
    }

    @Test
    void shouldAnswerNoUnitsForASubjectThatReachesNone() {
        RoleFacts none = new RoleFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(AccountabilityResolver.assemble("township:无", none))
                .isEqualTo(new Accountability("township:无", List.of(), List.of()));
    }
}
