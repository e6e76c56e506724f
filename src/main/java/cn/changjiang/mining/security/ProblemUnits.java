package cn.changjiang.mining.security;

import java.util.Set;

/** Which problems a unit is on (rectifies or supervises); the ledger answers, the read policy asks. */
public interface ProblemUnits {

    Set<String> problemsOf(String unitId);
}
