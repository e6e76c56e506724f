package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;

/**
 * Who may read a declared type, field, node property or relationship. A feature names one of these for what it
 * owns (see {@link ReadRules}); anything no feature declares is read by {@link #WHOLE_READERS} only.
 */
public enum Audience {
    /** Anyone, signed in or not: the public plan. */
    ANYONE,
    /** Every signed-in role. */
    SIGNED_IN,
    /** Every signed-in role but analysts: people's contact details. */
    CONTACT_READERS,
    /**
     * The roles that read every problem in full (leader, office, publicity, analyst), and a unit officer only for a
     * problem its unit rectifies or supervises: a problem's details and who answers for it in person.
     */
    PROBLEM_UNITS,
    /** The roles that read everything (leader and office): the default for what nobody declared. */
    WHOLE_READERS;

    /** Whether the viewer is in this audience; for {@link #PROBLEM_UNITS}, {@code ownProblem} says if the problem is its unit's. */
    public boolean admits(Viewer viewer, boolean ownProblem) {
        return switch (this) {
            case ANYONE -> true;
            case SIGNED_IN -> !viewer.anonymous();
            case CONTACT_READERS -> !viewer.anonymous() && !viewer.is(Role.ANALYST);
            case PROBLEM_UNITS -> !viewer.anonymous() && (!viewer.is(Role.UNIT_OFFICER) || ownProblem);
            case WHOLE_READERS -> viewer.is(Role.LEADER, Role.OFFICE);
        };
    }

    /** Whether the answer depends on which problem is read (so a caller must say). */
    public boolean perProblem() {
        return this == PROBLEM_UNITS;
    }
}
