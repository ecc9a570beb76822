package org.metergate.radio.n;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.Postamble;
import org.metergate.api.radio.Preamble;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.RadioModeSpec;
import org.metergate.api.radio.ResponseDelay;
import org.metergate.api.radio.ResponseWindow;
import org.metergate.radio.common.SrdBands;
import org.metergate.radio.common.SyncWords;

/**
 * The physical facts of EN 13757-4 mode N (narrowband, 169 MHz), clause 9: one 12.5 kHz channel per
 * sub-mode (see {@link NChannel}), used in both directions by N2x, GFSK, NRZ. Sources:
 * <ul>
 * <li>EN 13757-4 channel table as extracted in the WebdynRF manual: frequencies, 2.4 / 4.8 kbit/s.</li>
 * <li>STMicroelectronics S2-LP wM-Bus stack (wmbus_phy.c): 2-GFSK BT 0.5, deviation 2.4 kHz on all six
 * channels; preamble of exactly 8 x 01 (2 bytes), no postamble; sync 0xF68D (format A) and 0xF672
 * (format B); N2 response time 99.5 to 100.5 ms ("N fast response"). rtl_433 m_bus.c gives the same
 * preamble and sync words for mode N.</li>
 * <li>Duty cycle: the 169.400-169.475 MHz meter-reading band, 10 %.</li>
 * </ul>
 * Only the fast response window is modelled for N2x: the public sources found give no slow one.
 */
public final class ModeN {

    /** N2x: the other device answers 99.5 to 100.5 ms after the meter's frame. */
    public static final ResponseWindow N2_RESPONSE = new ResponseWindow(ResponseDelay.FAST,
            Duration.ofMillis(99).plusNanos(500_000), Duration.ofMillis(100).plusNanos(500_000));

    private ModeN() {
    }

    /** The facts of sub-mode {@code id} (N1a .. N2f). */
    public static RadioModeSpec spec(RadioModeId id) {
        if (id.family() != 'N') {
            throw new IllegalArgumentException("not a mode N sub-mode: " + id);
        }
        NChannel ch = NChannel.ofSubMode(id.label().charAt(2));
        PhysicalChannel up = channel(Direction.METER_TO_OTHER, ch);
        return id.bidirectional()
                ? new RadioModeSpec(id, List.of(up, channel(Direction.OTHER_TO_METER, ch)), List.of(N2_RESPONSE))
                : new RadioModeSpec(id, List.of(up), List.of());
    }

    private static PhysicalChannel channel(Direction direction, NChannel ch) {
        return new PhysicalChannel(direction, ch.designation, ch.frequencyHz, ch.bitRate, DataEncoding.NRZ,
                Modulation.GFSK, 2_400, Preamble.alternating(8),
                Map.of(FrameFormat.A, SyncWords.NF_FORMAT_A, FrameFormat.B, SyncWords.NF_FORMAT_B), Postamble.NONE,
                SrdBands.METER_169_4);
    }
}
