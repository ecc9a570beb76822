package org.metergate.core.stats;

import java.util.OptionalInt;
import org.metergate.api.stats.RssiSummary;

/** Running min / max / mean of RSSI values; not thread-safe (its owner synchronises). */
final class RssiAccumulator {

    private long count;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;
    private long sum;

    void add(OptionalInt rssi) {
        if (rssi.isPresent()) {
            int v = rssi.getAsInt();
            count++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
    }

    RssiSummary summary() {
        return count == 0 ? RssiSummary.NONE : new RssiSummary(count, min, max, (double) sum / count);
    }
}
