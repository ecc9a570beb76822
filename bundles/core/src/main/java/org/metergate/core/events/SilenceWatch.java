package org.metergate.core.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;

/**
 * "Meter stopped / no supply" (TR 50572): an installed meter with an expected transmission interval
 * that has not been heard for longer than that interval plus a grace fraction raises one event;
 * hearing it again re-arms the watch. Meters not heard since the gateway started count from the start.
 */
public final class SilenceWatch {

    private final double grace;
    private final Instant started;
    private final Set<MeterAddress> silent = new HashSet<>();

    /** @param grace fraction of the interval tolerated beyond it (0.1 = 10 % late is still on time) */
    public SilenceWatch(double grace, Instant started) {
        this.grace = grace;
        this.started = started;
    }

    /** Checks every meter; {@code lastSeen} gives null for a meter not heard since start. */
    public synchronized List<MeterEvent> check(Iterable<Meter> meters, Function<MeterAddress, Instant> lastSeen, Instant now) {
        List<MeterEvent> events = new ArrayList<>();
        for (Meter m : meters) {
            Duration interval = m.expectedInterval();
            if (interval.isZero()) {
                continue;
            }
            Instant seen = lastSeen.apply(m.address());
            Instant since = seen == null || seen.isBefore(started) ? started : seen;
            long allowedMillis = interval.toMillis() + (long) (interval.toMillis() * grace);
            boolean late = now.toEpochMilli() - since.toEpochMilli() > allowedMillis;
            if (late && silent.add(m.address())) {
                events.add(new MeterEvent(EventType.METER_SILENT, m.address(), "", now,
                        (seen == null ? "not heard since the gateway started at " + started : "last heard " + seen)
                                + ", expected every " + interval));
            } else if (!late) {
                silent.remove(m.address());
            }
        }
        return events;
    }
}
