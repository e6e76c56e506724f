package cn.changjiang.mining.jurisdiction;

/** A unit's role in an imported task (schema enum {@code ImportedUnitRole}). */
public enum ImportedUnitRole {
    LEAD, SUPPORTING
}
