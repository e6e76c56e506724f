package cn.changjiang.mining.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The campaign's time: deadlines and "today" are calendar dates in the districts' own time zone. A read asked
 * {@code asOf} a past moment runs as if it were then ({@link #asOf}), so "today" and "overdue" are that moment's.
 */
public final class CampaignTime {

    /** China Standard Time, for every district of the campaign. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The moment the current request reads as of, or null for now. Carried to every data fetcher of the request,
     * whichever thread runs it, as a context-propagation thread local (key {@link #AS_OF_KEY}).
     */
    public static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

    public static final String AS_OF_KEY = "accountability.asOf";

    private CampaignTime() {
    }

    /** The app's clock: the system's, in {@link #ZONE}, or the moment a request reads as of. */
    public static Clock clock() {
        return new AsOfClock();
    }

    /** The moment the current request reads as of, or null when it reads now. */
    public static Instant asOf() {
        return AS_OF.get();
    }

    /** Runs {@code work} as of {@code moment} on this thread. */
    public static <T> T asOf(Instant moment, Supplier<T> work) {
        Instant before = AS_OF.get();
        AS_OF.set(moment);
        try {
            return work.get();
        } finally {
            if (before == null) {
                AS_OF.remove();
            } else {
                AS_OF.set(before);
            }
        }
    }

    private static final class AsOfClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(ZONE) ? this : Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant moment = AS_OF.get();
            return moment != null ? moment : Instant.now();
        }
    }
}
