package cn.changjiang.mining.accountability;

/**
 * A unit's role in accountability, mirroring the schema's {@code AccountabilityRole}: same constants, declared
 * strongest first (those who must act on the problem, then those who share the task, then the territory), so the
 * natural order of the enum is the order of strength.
 */
public enum AccountabilityRole {
    ASSIGNED_LEAD,
    ASSIGNED_SUPPORTING,
    COMPETENT_LEAD,
    COMPETENT_SUPPORT,
    DUTY_HOLDER,
    TASK_LEAD,
    TASK_SUPPORTING,
    TERRITORIAL
}
