package cn.changjiang.mining.enforcement;

/** Where a joint enforcement action stands, as the schema's enum {@code JointEnforcementStatus}. */
public enum JointEnforcementStatus {
    OPEN, RESULT_RECORDED, CLOSED
}
