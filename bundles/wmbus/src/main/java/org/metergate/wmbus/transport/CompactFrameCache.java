package org.metergate.wmbus.transport;

import java.util.concurrent.ConcurrentHashMap;
import org.metergate.api.meter.MeterAddress;
import org.metergate.wmbus.WMBusException;

/**
 * The formats of full frames per meter, for OMS compact frames (CI 0x79): a compact frame carries only
 * the data of its records and the signature of the format of a full frame the same meter sent before;
 * the receiver must have kept that full frame's record headers.
 *
 * <p>Every full frame without TPL header (CI 0x78, the frame compact frames refer to) is remembered;
 * once a meter has sent a compact frame, its full frames with TPL headers are remembered too. The
 * format itself is only worked out when a compact frame asks for it. Up to {@value #FORMATS_PER_METER}
 * formats per meter are kept. Thread-safe.
 */
public final class CompactFrameCache {

    /** Formats kept per meter (meters alternate between a few telegram layouts). */
    public static final int FORMATS_PER_METER = 8;

    private final int maxMeters;
    private final ConcurrentHashMap<MeterAddress, Entry> meters = new ConcurrentHashMap<>();
    /** Set once any meter sent a compact frame: until then full frames with headers need no lookup. */
    private volatile boolean anyCompactFrames;

    private static final class Entry {
        /** The last full frame's records (owned: never changed after being stored). */
        volatile byte[] lastFull;
        volatile int lastFrom;
        volatile int lastEnd;
        /** Set when the meter sent a compact frame: then full frames with headers are remembered too. */
        volatile boolean sendsCompactFrames;
        final int[] signatures = new int[FORMATS_PER_METER];
        final RecordFormat[] formats = new RecordFormat[FORMATS_PER_METER];
        int next;
    }

    /** A cache for up to {@code maxMeters} meters (beyond, it starts again empty). */
    public CompactFrameCache(int maxMeters) {
        if (maxMeters < 1) {
            throw new IllegalArgumentException("maxMeters must be positive");
        }
        this.maxMeters = maxMeters;
    }

    /**
     * Notes a full frame of {@code meter} whose records are {@code records[from..end)}. The array must
     * not change afterwards (the decoder hands over its private buffer). {@code ci} is the TPL CI-field.
     */
    public void fullFrame(MeterAddress meter, int ci, byte[] records, int from, int end) {
        if (ci != 0x78 && !anyCompactFrames) {
            return;
        }
        Entry e = meters.get(meter);
        if (ci != 0x78 && (e == null || !e.sendsCompactFrames)) {
            return;
        }
        if (e == null) {
            if (meters.size() >= maxMeters) {
                meters.clear();
            }
            e = meters.computeIfAbsent(meter, m -> new Entry());
        }
        synchronized (e) {
            e.lastFull = records;
            e.lastFrom = from;
            e.lastEnd = end;
        }
    }

    /** The full-frame format with this signature that {@code meter} has shown, or {@code null}. */
    public RecordFormat format(MeterAddress meter, int signature) {
        Entry e = meters.get(meter);
        if (e == null) {
            if (meters.size() >= maxMeters) {
                meters.clear();
            }
            e = meters.computeIfAbsent(meter, m -> new Entry());
        }
        anyCompactFrames = true;
        synchronized (e) {
            e.sendsCompactFrames = true;
            for (int i = 0; i < FORMATS_PER_METER; i++) {
                if (e.formats[i] != null && e.signatures[i] == signature) {
                    return e.formats[i];
                }
            }
            byte[] last = e.lastFull;
            if (last == null) {
                return null;
            }
            RecordFormat f;
            try {
                f = RecordFormat.of(last, e.lastFrom, e.lastEnd);
            } catch (WMBusException malformed) {
                return null; // the full frame's records did not parse: it cannot serve as a format
            }
            int s = f.signature();
            e.lastFull = null; // worked out: keep the format, not the frame
            if (!known(e, s)) {
                e.signatures[e.next] = s;
                e.formats[e.next] = f;
                e.next = (e.next + 1) % FORMATS_PER_METER;
            }
            return s == signature ? f : null;
        }
    }

    private static boolean known(Entry e, int signature) {
        for (int i = 0; i < FORMATS_PER_METER; i++) {
            if (e.formats[i] != null && e.signatures[i] == signature) {
                return true;
            }
        }
        return false;
    }

    /** Makes {@code format} known for {@code meter}, e.g. from a previous run or a meter's documentation. */
    public void preload(MeterAddress meter, RecordFormat format) {
        anyCompactFrames = true;
        Entry e = meters.computeIfAbsent(meter, m -> new Entry());
        synchronized (e) {
            e.sendsCompactFrames = true;
            e.signatures[e.next] = format.signature();
            e.formats[e.next] = format;
            e.next = (e.next + 1) % FORMATS_PER_METER;
        }
    }

    /** Number of meters in the cache. */
    public int size() {
        return meters.size();
    }
}
