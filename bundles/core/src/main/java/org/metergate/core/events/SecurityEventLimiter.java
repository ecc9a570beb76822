package org.metergate.core.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;

/**
 * Keeps security events (decryption failures, replays) from flooding the journal: every failure is
 * counted in the statistics, but an event is journaled for a meter and kind at most once per
 * interval, and that event says how many occurred since the previous one.
 */
public final class SecurityEventLimiter {

    private record Key(MeterAddress meter, EventType type) {
    }

    private static final class Window {
        Instant lastReported;
        long suppressed;
    }

    private final Duration interval;
    private final Map<Key, Window> windows = new HashMap<>();

    public SecurityEventLimiter(Duration interval) {
        this.interval = interval;
    }

    /**
     * Returns -1 when no event should be journaled now, else how many occurrences the event stands
     * for (this one plus those suppressed since the last event).
     */
    public long occurrence(MeterAddress meter, EventType type, Instant now) {
        Window w = windows.computeIfAbsent(new Key(meter, type), k -> new Window());
        if (w.lastReported == null || !now.isBefore(w.lastReported.plus(interval))) {
            long n = w.suppressed + 1;
            w.lastReported = now;
            w.suppressed = 0;
            return n;
        }
        w.suppressed++;
        return -1;
    }
}
