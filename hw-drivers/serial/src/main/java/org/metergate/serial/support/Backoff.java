package org.metergate.serial.support;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off between reconnection attempts: {@code initial}, then multiplied by {@code multiplier} after
 * every further failure, never more than {@code max}. Deterministic (no jitter): each driver instance owns its device.
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max back-off " + max + " is below the initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
    }

    /** Doubling from {@code initialMillis} up to {@code maxMillis}. */
    public static Backoff ofMillis(long initialMillis, long maxMillis) {
        return new Backoff(Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis), 2.0);
    }

    /** The wait after the {@code failures}-th failure in a row (1 = the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1: " + failures);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, failures - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
    }
}
