package org.metergate.radio.c;

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
 * The physical facts of EN 13757-4 mode C (compact), clause 8: NRZ, and a synchronisation word per
 * frame format so that the receiver knows format A or B before the L-field. Sources:
 * <ul>
 * <li>STMicroelectronics S2-LP wM-Bus stack (wmbus_phy.c): meter-to-other 868.95 MHz, 100 kbit/s, 2-FSK,
 * deviation 45 kHz; C2 other-to-meter 869.525 MHz, 50 kbit/s, 2-GFSK (BT 0.5), deviation 25 kHz;
 * preamble 4 bytes of 01 (16 x 01), no postamble; sync words 0x543D54CD (format A) and 0x543D543D
 * (format B) in both directions; response time fast 99.5 to 100.5 ms and slow 999.5 to 1000.5 ms.</li>
 * <li>Michael MBWBLUE manual: C2 response delay 100 ms when the D bit of the ELL communication
 * control field is 1, 1000 ms when it is 0.</li>
 * <li>IMST iM871A manual: 100 kcps and 50 kcps, chip rate = data rate (NRZ). rtl_433 m_bus.c and
 * rtl-wmbus: mode C preamble ... 0x54 0x3D then 0x54 0xCD (format A) or 0x54 0x3D (format B).</li>
 * </ul>
 */
public final class ModeC {

    private static final Map<FrameFormat, org.metergate.api.radio.ChipSequence> SYNC_WORDS = Map.of(
            FrameFormat.A, SyncWords.C_FORMAT_A, FrameFormat.B, SyncWords.C_FORMAT_B);

    /** C1 and C2 meter-to-other: 868.95 MHz, 100 kchip/s NRZ. */
    public static final PhysicalChannel METER_TO_OTHER = new PhysicalChannel(Direction.METER_TO_OTHER, "", 868_950_000,
            100_000, DataEncoding.NRZ, Modulation.FSK, 45_000, Preamble.alternating(16), SYNC_WORDS, Postamble.NONE,
            SrdBands.G2_868_7);

    /** C2 other-to-meter: 869.525 MHz, 50 kchip/s NRZ, GFSK, in the 10 % duty-cycle band. */
    public static final PhysicalChannel OTHER_TO_METER = new PhysicalChannel(Direction.OTHER_TO_METER, "", 869_525_000,
            50_000, DataEncoding.NRZ, Modulation.GFSK, 25_000, Preamble.alternating(16), SYNC_WORDS, Postamble.NONE,
            SrdBands.G3_869_4);

    public static final ResponseWindow FAST_RESPONSE = new ResponseWindow(ResponseDelay.FAST,
            Duration.ofMillis(99).plusNanos(500_000), Duration.ofMillis(100).plusNanos(500_000));
    public static final ResponseWindow SLOW_RESPONSE = new ResponseWindow(ResponseDelay.SLOW,
            Duration.ofMillis(999).plusNanos(500_000), Duration.ofMillis(1000).plusNanos(500_000));

    public static final RadioModeSpec C1 = new RadioModeSpec(RadioModeId.C1, List.of(METER_TO_OTHER), List.of());
    public static final RadioModeSpec C2 = new RadioModeSpec(RadioModeId.C2, List.of(METER_TO_OTHER, OTHER_TO_METER),
            List.of(FAST_RESPONSE, SLOW_RESPONSE));

    private ModeC() {
    }
}
