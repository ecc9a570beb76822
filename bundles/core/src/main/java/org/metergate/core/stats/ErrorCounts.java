package org.metergate.core.stats;

import java.util.EnumMap;
import java.util.Map;
import org.metergate.api.stats.ErrorKind;

/** Errors by kind; not thread-safe (its owner synchronises). */
final class ErrorCounts {

    private final long[] counts = new long[ErrorKind.values().length];

    void add(ErrorKind kind) {
        counts[kind.ordinal()]++;
    }

    long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    Map<ErrorKind, Long> snapshot() {
        Map<ErrorKind, Long> m = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            if (counts[k.ordinal()] > 0) {
                m.put(k, counts[k.ordinal()]);
            }
        }
        return m;
    }
}
