package cn.changjiang.mining.accountability;

import java.util.List;

import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;

/** Who is accountable for one subject: units with their roles and grounds, and the people behind them. */
public record Accountability(String subject, List<AccountableUnit> units, List<Person> people) {

    public record AccountableUnit(Unit unit, List<AccountabilityRole> roles, List<String> grounds, List<Person> people) {
    }

    /** What to ask about: exactly one of the fields. */
    public record Subject(String violationType, Integer task, String mine, String township, String issue) {
    }
}
