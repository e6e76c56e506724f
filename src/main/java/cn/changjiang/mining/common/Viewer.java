package cn.changjiang.mining.common;

/**
 * Who is asking: a signed-in user with one role (and a unit for a unit officer), or nobody.
 *
 * @param username null when anonymous
 * @param unitId   the unit a unit officer is bound to; null for other roles
 */
public record Viewer(String username, Role role, String unitId) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, null);

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
