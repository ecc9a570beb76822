package org.metergate.api.radio;

import java.time.Duration;
import java.util.Objects;

/**
 * The access window of a bidirectional EN 13757-4 sub-mode: after the end of a meter's transmission
 * that says it is accessible, the other device must start its own transmission (SND_UD, REQ_UD2, ...)
 * no earlier than {@code earliest} and no later than {@code latest}; the meter's receiver is only open
 * then.
 *
 * @param delay which of the mode's response delays this is
 * @param earliest the response delay's lower bound, measured from the end of the meter's frame
 * @param latest its upper bound
 */
public record ResponseWindow(ResponseDelay delay, Duration earliest, Duration latest) {

    public ResponseWindow {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (earliest.isNegative() || latest.compareTo(earliest) < 0) {
            throw new IllegalArgumentException("response window " + earliest + " .. " + latest);
        }
    }

    /** True when a transmission starting {@code afterMeterFrame} after the meter's frame hits the window. */
    public boolean contains(Duration afterMeterFrame) {
        return afterMeterFrame.compareTo(earliest) >= 0 && afterMeterFrame.compareTo(latest) <= 0;
    }

    /** The middle of the window, the safest moment to start transmitting. */
    public Duration middle() {
        return earliest.plus(latest.minus(earliest).dividedBy(2));
    }
}
