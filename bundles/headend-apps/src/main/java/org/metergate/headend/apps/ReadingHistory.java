package org.metergate.headend.apps;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metergate.api.meter.MeterId;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The recent readings of every meter for "readings since" requests, fed from the journal through a
 * cursor of its own ({@value #CONSUMER}): the last {@code per.meter} readings of each meter, in memory.
 * It covers what was journaled since the gateway started (the journal API has no random access;
 * older data is at the head-end, which got it pushed); replies say from when the history is complete.
 */
@Component(service = {ReadingHistory.class, UplinkConsumer.class}, configurationPid = ReadingHistory.PID,
        property = UplinkConsumer.CONSUMER_ID + "=" + ReadingHistory.CONSUMER)
@Designate(ocd = ReadingHistory.Config.class)
public final class ReadingHistory implements UplinkConsumer {

    static final String PID = "org.metergate.headend.apps.history";
    static final String CONSUMER = "headend-apps-history";

    @ObjectClassDefinition(name = "Metergate head-end reading history", description = "Recent readings kept for METERS-V1 'readings since' requests")
    @interface Config {
        @AttributeDefinition(name = "Readings per meter")
        int per_meter() default 1000;
    }

    /** A reading with its journal sequence. */
    record Entry(long sequence, Reading reading) {
    }

    private final int perMeter;
    private final Map<MeterId, Deque<Entry>> byMeter = new HashMap<>();
    private final Instant since = Instant.now();

    @Activate
    public ReadingHistory(Config config) {
        this.perMeter = Math.max(1, config.per_meter());
    }

    ReadingHistory(int perMeter) {
        this.perMeter = perMeter;
    }

    @Override
    public synchronized void deliver(List<UplinkEntry> entries) {
        for (UplinkEntry e : entries) {
            if (e.item() instanceof Reading r) {
                Deque<Entry> d = byMeter.computeIfAbsent(r.meter().meterId(), k -> new ArrayDeque<>());
                d.addLast(new Entry(e.sequence(), r));
                if (d.size() > perMeter) {
                    d.removeFirst();
                }
            }
        }
    }

    /** Readings of a meter whose time is at or after {@code from}, oldest first, at most {@code limit} (the newest). */
    synchronized List<Entry> since(MeterId meter, Instant from, int limit) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byMeter.getOrDefault(meter, new ArrayDeque<>())) {
            if (!e.reading().time().isBefore(from)) {
                out.add(e);
            }
        }
        return out.size() > limit ? new ArrayList<>(out.subList(out.size() - limit, out.size())) : out;
    }

    /** From when the history holds every journaled reading (kept per meter up to the limit). */
    Instant completeSince() {
        return since;
    }
}
