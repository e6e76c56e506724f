package cn.changjiang.mining.accountability;

/**
 * One link of a chain of accountability, from a problem (level 0) up to the working group's convener (level 6).
 * {@code grounds} quotes the clause of the document that makes the link exist.
 */
public record AccountabilityLink(int level, String kind, String id, String name, String role, String grounds,
                                 String unitId) {

    static final int ISSUE = 0;
    static final int VIOLATION_TYPE = 1;
    static final int TASK = 2;
    static final int UNIT = 3;
    static final int PERSON = 4;
    static final int OFFICE = 5;
    static final int CONVENER = 6;

    String key() {
        return kind + ":" + id;
    }
}
