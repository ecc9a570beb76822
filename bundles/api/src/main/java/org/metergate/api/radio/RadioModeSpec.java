package org.metergate.api.radio;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * The physical facts of an EN 13757-4 sub-mode: its channel in each direction it uses and, for
 * bidirectional sub-modes, the access windows in which the meter listens after transmitting.
 *
 * @param id the sub-mode
 * @param channels one {@link PhysicalChannel} for meter-to-other and, for bidirectional sub-modes, one
 *        for other-to-meter
 * @param responseWindows the access windows of a bidirectional sub-mode (empty for S1, T1, C1, N1x)
 */
public record RadioModeSpec(RadioModeId id, List<PhysicalChannel> channels, List<ResponseWindow> responseWindows) {

    public RadioModeSpec {
        Objects.requireNonNull(id, "id");
        channels = List.copyOf(channels);
        responseWindows = List.copyOf(responseWindows);
        long up = channels.stream().filter(c -> c.direction() == Direction.METER_TO_OTHER).count();
        long down = channels.stream().filter(c -> c.direction() == Direction.OTHER_TO_METER).count();
        if (up != 1) {
            throw new IllegalArgumentException(id + ": exactly one meter-to-other channel, not " + up);
        }
        if (down != (id.bidirectional() ? 1 : 0)) {
            throw new IllegalArgumentException(id + (id.bidirectional()
                    ? ": a bidirectional sub-mode needs one other-to-meter channel"
                    : ": a unidirectional sub-mode has no other-to-meter channel"));
        }
        if (id.bidirectional() == responseWindows.isEmpty()) {
            throw new IllegalArgumentException(id + (id.bidirectional()
                    ? ": a bidirectional sub-mode needs its response windows"
                    : ": a unidirectional sub-mode has no response window"));
        }
    }

    /** True when the meter listens after transmitting (S2, T2, C2, N2x, F2). */
    public boolean bidirectional() {
        return id.bidirectional();
    }

    /** The channel of {@code direction}, empty for other-to-meter in a unidirectional sub-mode. */
    public Optional<PhysicalChannel> channel(Direction direction) {
        return channels.stream().filter(c -> c.direction() == direction).findFirst();
    }

    /** The channel the gateway receives meters on. */
    public PhysicalChannel meterToOther() {
        return channel(Direction.METER_TO_OTHER).orElseThrow();
    }

    /** The frame formats a meter may transmit in. */
    public Set<FrameFormat> frameFormats() {
        return EnumSet.copyOf(meterToOther().frameFormats());
    }

    /** The access window of the given response delay, if the sub-mode has it. */
    public Optional<ResponseWindow> responseWindow(ResponseDelay delay) {
        return responseWindows.stream().filter(w -> w.delay() == delay).findFirst();
    }
}
