package cn.changjiang.mining.common;

/** What a signed-in person may do; UNIT_OFFICER is bound to one unit. */
public enum Role {
    /** 领导: reads everything, may put a problem under 挂牌督办. */
    LEADER,
    /** 专班办公室: reads everything, manages the ledger and joint enforcement actions, imports. */
    OFFICE,
    /** 单位经办人: full reads and writes for its own unit's problems, summaries of others'. */
    UNIT_OFFICER,
    /** 区委宣传部: reads, records exposure (曝光). */
    PUBLICITY,
    /** 分析人员: reads everything except people's contact details, writes nothing. */
    ANALYST
}
