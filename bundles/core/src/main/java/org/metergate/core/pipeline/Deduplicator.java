package org.metergate.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metergate.api.meter.MeterAddress;

/**
 * Recognises receptions of a transmission already received (TR 50572 / OMS scenario 2: one meter
 * heard by several receivers, links or peer gateways). A transmission is identified by a 128-bit
 * hash of its link-layer bytes; entries live for the window, and at most {@code capacity} of them
 * are kept (the oldest go first), so memory stays bounded at any telegram rate. Single-threaded: the
 * pipeline's decode thread owns it.
 */
final class Deduplicator {

    private record Key(long h1, long h2, int length) {
    }

    private static final class Seen {
        final long firstMillis;
        MeterAddress meter;

        Seen(long firstMillis) {
            this.firstMillis = firstMillis;
        }
    }

    private final long windowMillis;
    private final int capacity;
    private final LinkedHashMap<Key, Seen> seen = new LinkedHashMap<>();

    Deduplicator(Duration window, int capacity) {
        this.windowMillis = window.toMillis();
        this.capacity = Math.max(1, capacity);
    }

    /** The first reception within the window registers the transmission and returns null; later ones return its entry. */
    Object check(byte[] transmission, Instant time) {
        long now = time.toEpochMilli();
        expire(now);
        Key key = key(transmission);
        Seen s = seen.get(key);
        if (s != null) {
            return s;
        }
        seen.put(key, new Seen(now));
        if (seen.size() > capacity) {
            Iterator<Map.Entry<Key, Seen>> it = seen.entrySet().iterator();
            it.next();
            it.remove();
        }
        return null;
    }

    /** Notes which meter a registered transmission came from, once it is decoded. */
    void identify(byte[] transmission, MeterAddress meter) {
        Seen s = seen.get(key(transmission));
        if (s != null) {
            s.meter = meter;
        }
    }

    /** The meter of an earlier reception returned by {@link #check}, or null if it was not decoded. */
    static MeterAddress meterOf(Object entry) {
        return ((Seen) entry).meter;
    }

    int size() {
        return seen.size();
    }

    private void expire(long now) {
        Iterator<Seen> it = seen.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().firstMillis > windowMillis) {
                it.remove();
            } else {
                break; // insertion order: the rest are younger
            }
        }
    }

    private static Key key(byte[] b) {
        // two independent 64-bit FNV-1a style mixes: a collision of both is not a practical concern
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x84222325cbf29ce4L;
        for (byte x : b) {
            h1 = (h1 ^ (x & 0xFF)) * 0x100000001b3L;
            h2 = (h2 ^ (x & 0xFF)) * 0x9E3779B97F4A7C15L;
            h2 ^= h2 >>> 29;
        }
        return new Key(h1, h2, b.length);
    }
}
