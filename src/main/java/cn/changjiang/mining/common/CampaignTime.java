package cn.changjiang.mining.common;

import java.time.ZoneId;

/** The campaign's time: deadlines and "today" are calendar dates in the districts' own time zone. */
public final class CampaignTime {

    /** China Standard Time, for every district of the campaign. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CampaignTime() {
    }
}
