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

    @ObjectClassDefinition(name = "Metergate head-end reading history", description = "Recent readings kept in memory for "
            + "METERS-V1 'readings since' requests; bounded per meter and in total, so memory does not grow with the number of meters")
    @interface Config {
        @AttributeDefinition(name = "Readings per meter")
        int per_meter() default 64;

        @AttributeDefinition(name = "Readings in total", description = "Across all meters; the oldest go first (about 250 bytes each)")
        int max_entries() default 20_000;
    }

    /** A reading with its journal sequence. */
    record Entry(long sequence, Reading reading) {
    }

    private final int perMeter;
    private final int maxEntries;
    private final Map<MeterId, Deque<Entry>> byMeter = new HashMap<>();
    /**
     * Every entry in arrival order: which goes when the total is reached. An entry a meter already
     * dropped (its own limit) stays here until it reaches the front and is skipped, so both limits cost O(1).
     */
    private final Deque<Entry> order = new ArrayDeque<>();
    /** Per meter, the time of the newest reading that had to go: the history is complete only after it. */
    private final Map<MeterId, Instant> evictedUpTo = new HashMap<>();
    private final Instant since = Instant.now();

    @Activate
    public ReadingHistory(Config config) {
        this(config.per_meter(), config.max_entries());
    }

    ReadingHistory(int perMeter) {
        this(perMeter, Integer.MAX_VALUE);
    }

    ReadingHistory(int perMeter, int maxEntries) {
        this.perMeter = Math.max(1, perMeter);
        this.maxEntries = Math.max(1, maxEntries);
    }

    @Override
    public synchronized void deliver(List<UplinkEntry> entries) {
        for (UplinkEntry e : entries) {
            if (e.item() instanceof Reading r) {
                MeterId id = r.meter().meterId();
                Deque<Entry> d = byMeter.computeIfAbsent(id, k -> new ArrayDeque<>());
                Entry entry = new Entry(e.sequence(), r);
                d.addLast(entry);
                order.addLast(entry);
                if (d.size() > perMeter) {
                    evictOldest(id);
                }
                while (order.size() > maxEntries) {
                    Entry oldest = order.removeFirst();
                    MeterId m = oldest.reading().meter().meterId();
                    Deque<Entry> md = byMeter.get(m);
                    if (md != null && md.peekFirst() == oldest) {
                        evictOldest(m);
                    }
                }
            }
        }
    }

    /** Drops the oldest entry of a meter. */
    private void evictOldest(MeterId id) {
        Deque<Entry> d = byMeter.get(id);
        Entry gone = d.removeFirst();
        evictedUpTo.merge(id, gone.reading().time(), (a, b) -> a.isAfter(b) ? a : b);
        if (d.isEmpty()) {
            byMeter.remove(id);
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

    /**
     * From when the history holds every journaled reading of the meter: the gateway's start, or just after
     * the newest reading that had to make room.
     */
    synchronized Instant completeSince(MeterId meter) {
        Instant evicted = evictedUpTo.get(meter);
        return evicted == null || evicted.isBefore(since) ? since : evicted.plusNanos(1);
    }
}
