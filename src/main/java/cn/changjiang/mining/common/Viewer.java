package cn.changjiang.mining.common;

/**
 * Who is asking: a signed-in user with one role (and a unit for a unit officer), or nobody.
 *
 * @param username     null when anonymous
 * @param unitId       the unit a unit officer is bound to; null for other roles
 * @param jurisdiction the jurisdiction the viewer's role is for (a district office its district, a city leader the
 *                     city); null when the token names none: then a unit officer's is its unit's, anyone else's the
 *                     deployment's home jurisdiction ({@code accountability.home-jurisdiction})
 */
public record Viewer(String username, Role role, String unitId, String jurisdiction) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null);

    /** A viewer whose role names no jurisdiction of its own. */
    public Viewer(String username, Role role, String unitId) {
        this(username, role, unitId, null);
    }

    public boolean anonymous() {
        return username == null;
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
