package org.metergate.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.MeterAddress;

/**
 * Meters heard but not installed (TR 50572 "new meter identification"), most recently heard last,
 * bounded: when full, the meter heard longest ago is forgotten.
 */
final class DiscoveredMeters {

    private static final class Entry {
        final Instant first;
        Instant last;
        String link;
        OptionalInt rssi;
        long telegrams;

        Entry(Instant first) {
            this.first = first;
        }
    }

    private final int capacity;
    private final LinkedHashMap<MeterAddress, Entry> entries;

    DiscoveredMeters(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Records a reception; true when the meter was not known before (a new discovery). */
    synchronized boolean heard(MeterAddress address, String link, OptionalInt rssi, Instant time) {
        Entry e = entries.get(address);
        boolean isNew = e == null;
        if (isNew) {
            e = new Entry(time);
            entries.put(address, e);
            if (entries.size() > capacity) {
                Iterator<Map.Entry<MeterAddress, Entry>> it = entries.entrySet().iterator();
                it.next();
                it.remove();
            }
        }
        e.last = time;
        e.link = link;
        e.rssi = rssi;
        e.telegrams++;
        return isNew;
    }

    synchronized void forget(MeterAddress address) {
        entries.remove(address);
    }

    synchronized List<DiscoveredMeter> list() {
        List<DiscoveredMeter> out = new ArrayList<>(entries.size());
        entries.forEach((a, e) -> out.add(new DiscoveredMeter(a, e.link, e.rssi, e.first, e.last, e.telegrams)));
        java.util.Collections.reverse(out);
        return out;
    }
}
