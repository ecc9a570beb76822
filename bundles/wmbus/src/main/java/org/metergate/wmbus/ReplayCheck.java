package org.metergate.wmbus;

import java.util.Objects;

/**
 * The replay check of one telegram (EN 13757-7 / OMS: the receiver compares the AFL message counter, or
 * without AFL the access number, with the last one of the same meter).
 *
 * @param verdict the result
 * @param counter which counter was compared
 * @param value the telegram's counter value, -1 when not checked
 * @param previous the last accepted value of that meter, -1 when there was none
 */
public record ReplayCheck(ReplayVerdict verdict, Counter counter, long value, long previous) {

    /** The counter a check used. */
    public enum Counter {
        /** The 32-bit AFL message counter (MCR). */
        MESSAGE_COUNTER,
        /** The 8-bit access number of the TPL header (or of the ELL when the TPL has none). */
        ACCESS_NUMBER,
        NONE
    }

    public static final ReplayCheck NOT_CHECKED = new ReplayCheck(ReplayVerdict.NOT_CHECKED, Counter.NONE, -1, -1);

    public ReplayCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(counter, "counter");
    }

    /** True when the telegram is flagged as a replay. */
    public boolean replay() {
        return verdict == ReplayVerdict.REPLAY;
    }
}
