package org.metergate.radio.f;

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
 * The physical facts of EN 13757-4 mode F (frequent receive and transmit at 433 MHz), clause 10: one
 * channel for both directions, 2.4 kbit/s NRZ, 2-FSK. Sources:
 * <ul>
 * <li>STMicroelectronics S2-LP wM-Bus stack (wmbus_phy.c): 433.82 MHz, 2400 bit/s, 2-FSK, deviation
 * 5.5 kHz, no postamble; sync 0xF68D (format A) and 0xF672 (format B); the other device's response
 * time fast 99.5 to 100.5 ms and slow 999.5 to 1000.5 ms. rtl_433 m_bus.c: mode F at 433.82 MHz,
 * 2.4 kbit/s NRZ FSK, preamble 0x55 then 0xF6 0x8D / 0xF6 0x72.</li>
 * <li>Preamble: ST's stack sends 10 bytes of 0x55 (40 x 01) in mode F. The minimum EN 13757-4 sets for
 * mode F was not in the public sources found, so 40 x 01 is recorded as the minimum: a receiver
 * matches at most 16 preamble chips by default and is not affected.</li>
 * <li>F2-m: ST's stack (enum WMBusMode_t) has it as a sub-mode of its own with exactly the F2
 * physical layer; what else distinguishes it in EN 13757-4 was not in the sources found.</li>
 * <li>Duty cycle: the 433.050-434.790 MHz band, 10 %.</li>
 * </ul>
 */
public final class ModeF {

    public static final ResponseWindow FAST_RESPONSE = new ResponseWindow(ResponseDelay.FAST,
            Duration.ofMillis(99).plusNanos(500_000), Duration.ofMillis(100).plusNanos(500_000));
    public static final ResponseWindow SLOW_RESPONSE = new ResponseWindow(ResponseDelay.SLOW,
            Duration.ofMillis(999).plusNanos(500_000), Duration.ofMillis(1000).plusNanos(500_000));

    public static final RadioModeSpec F2 = spec(RadioModeId.F2);
    public static final RadioModeSpec F2_M = spec(RadioModeId.F2_M);

    private ModeF() {
    }

    private static RadioModeSpec spec(RadioModeId id) {
        return new RadioModeSpec(id, List.of(channel(Direction.METER_TO_OTHER), channel(Direction.OTHER_TO_METER)),
                List.of(FAST_RESPONSE, SLOW_RESPONSE));
    }

    private static PhysicalChannel channel(Direction direction) {
        return new PhysicalChannel(direction, "", 433_820_000, 2_400, DataEncoding.NRZ, Modulation.FSK, 5_500,
                Preamble.alternating(40), Map.of(FrameFormat.A, SyncWords.NF_FORMAT_A, FrameFormat.B, SyncWords.NF_FORMAT_B),
                Postamble.NONE, SrdBands.F_433_05);
    }
}
