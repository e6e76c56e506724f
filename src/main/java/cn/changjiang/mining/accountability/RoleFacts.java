package cn.changjiang.mining.accountability;

import java.util.List;

import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

/**
 * What {@link AccountabilityQueries#rolesFor} returns for one subject: the units reached, each with its role and
 * grounds, grouped by how they were reached (in the order of strength), and the people behind them.
 */
record RoleFacts(List<UnitRole> assigned, List<UnitRole> competent, List<UnitRole> duties, List<UnitRole> taskUnits,
                 List<UnitRole> territorial, List<PersonIn> responsible, List<PersonIn> leaders) {

    static RoleFacts from(Value v) {
        return new RoleFacts(v.get("assigned").asList(UnitRole::from), v.get("competent").asList(UnitRole::from),
                v.get("duties").asList(UnitRole::from), v.get("taskUnits").asList(UnitRole::from),
                v.get("territorial").asList(UnitRole::from), v.get("responsible").asList(PersonIn::from),
                v.get("leaders").asList(PersonIn::from));
    }

    /** Every unit row, in the order of the groups: assigned, competent, duties, task units, territorial. */
    List<UnitRole> units() {
        return java.util.stream.Stream.of(assigned, competent, duties, taskUnits, territorial)
                .flatMap(List::stream).toList();
    }

    /** A unit, one of its roles for the subject, and the grounds of that role. */
    record UnitRole(Unit unit, AccountabilityRole role, String grounds) {
        static UnitRole from(Value v) {
            return new UnitRole(Unit.from(v.get("unit")), AccountabilityRole.valueOf(v.get("role").asString()),
                    v.get("grounds").asString());
        }
    }

    /** A person and the unit the person serves in. */
    record PersonIn(Person person, Unit unit) {
        static PersonIn from(Value v) {
            return new PersonIn(Person.from(v.get("person")), Unit.from(v.get("unit")));
        }
    }
}
