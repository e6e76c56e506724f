package cn.changjiang.mining.ledger;

/** A unit's part in rectifying a problem, as the schema's {@code AssignmentRole}: 牵头 or 配合. */
public enum AssignmentRole { LEAD, SUPPORTING }
