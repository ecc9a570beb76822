package org.metergate.core.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Watches each link's error rate over its last {@code window} telegrams: reports when it goes above
 * the threshold, and again only after it has come back below half the threshold (hysteresis), so a
 * noisy link gives one event, not one per telegram.
 */
public final class LinkErrorRate {

    private static final class Ring {
        final boolean[] errors;
        int next;
        int filled;
        int errorCount;
        boolean alarmed;

        Ring(int size) {
            errors = new boolean[size];
        }
    }

    private final int window;
    private final double threshold;
    private final Map<String, Ring> rings = new HashMap<>();

    public LinkErrorRate(int window, double threshold) {
        if (window < 1 || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("window >= 1 and 0 < threshold <= 1");
        }
        this.window = window;
        this.threshold = threshold;
    }

    /** Records one telegram of the link; returns the error rate when an alarm should be raised now, else -1. */
    public double record(String link, boolean error) {
        Ring r = rings.computeIfAbsent(link, l -> new Ring(window));
        if (r.filled == window && r.errors[r.next]) {
            r.errorCount--;
        }
        r.errors[r.next] = error;
        if (error) {
            r.errorCount++;
        }
        r.next = (r.next + 1) % window;
        r.filled = Math.min(window, r.filled + 1);
        if (r.filled < window) {
            return -1;
        }
        double rate = (double) r.errorCount / window;
        if (!r.alarmed && rate > threshold) {
            r.alarmed = true;
            return rate;
        }
        if (r.alarmed && rate < threshold / 2) {
            r.alarmed = false;
        }
        return -1;
    }
}
