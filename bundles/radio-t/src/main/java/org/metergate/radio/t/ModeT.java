package org.metergate.radio.t;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.metergate.api.radio.ChipSequence;
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
 * The physical facts of EN 13757-4 mode T (frequent transmit), clause 7. Sources:
 * <ul>
 * <li>Microchip wM-Bus TRX configuration table: T1 868.95 MHz, 3-of-6, 100 kchip/s, n x (01) n &ge; 19,
 * sync 0x03D (10 bits); T2 other-to-meter 868.30 MHz, Manchester, 32.768 kchip/s, n &ge; 15, sync
 * 0x07696 (18 bits).</li>
 * <li>STMicroelectronics S2-LP wM-Bus stack, wmbus_phy.c: 2-FSK, deviation 50 kHz both directions;
 * postamble 2 to 8 chips (default 4); response time of T2: min 2 ms, typ. 2.5 ms, max 3 ms.</li>
 * <li>Michael MBWBLUE manual (automatic response delay T2 = 2 ms) and Radiocrafts MBUS manual
 * (receive timeout at least 3 ms in mode T) agree with that window.</li>
 * <li>Frame format A only: the one synchronisation word cannot announce format B (rtl_433 m_bus.c:
 * "Mode T ... always format A").</li>
 * </ul>
 */
public final class ModeT {

    /** The meter's uplink: 868.95 MHz, 100 kchip/s, 3-out-of-6 (66.67 kbit/s). */
    public static final PhysicalChannel METER_TO_OTHER = new PhysicalChannel(Direction.METER_TO_OTHER, "", 868_950_000,
            100_000, DataEncoding.THREE_OUT_OF_SIX, Modulation.FSK, 50_000, Preamble.alternating(19),
            Map.of(FrameFormat.A, SyncWords.T), new Postamble(2, 8), SrdBands.G2_868_7);

    /** The T2 downlink: 868.3 MHz, 32.768 kchip/s, Manchester (16.384 kbit/s), as mode S with short header. */
    public static final PhysicalChannel OTHER_TO_METER = new PhysicalChannel(Direction.OTHER_TO_METER, "", 868_300_000,
            32_768, DataEncoding.MANCHESTER, Modulation.FSK, 50_000, Preamble.alternating(15),
            Map.of(FrameFormat.A, SyncWords.S), new Postamble(2, 8), SrdBands.G1_868_0);

    /** After a T2 meter's frame the other device answers 2 to 3 ms later. */
    public static final ResponseWindow T2_RESPONSE = new ResponseWindow(ResponseDelay.STANDARD, Duration.ofMillis(2),
            Duration.ofMillis(3));

    public static final RadioModeSpec T1 = new RadioModeSpec(RadioModeId.T1, List.of(METER_TO_OTHER), List.of());
    public static final RadioModeSpec T2 = new RadioModeSpec(RadioModeId.T2, List.of(METER_TO_OTHER, OTHER_TO_METER),
            List.of(T2_RESPONSE));

    /**
     * Mode C frames share mode T's frequency and synchronisation word and continue with 0x54 0xCD (format A)
     * or 0x54 0x3D (format B), which are no 3-out-of-6 code (rtl-wmbus t1_c1_packet_decoder.h tells the
     * two modes apart by exactly these chips).
     */
    static final List<ChipSequence> MODE_C_CONTINUATIONS = List.of(
            SyncWords.C_FORMAT_A.slice(SyncWords.T.length(), SyncWords.C_FORMAT_A.length()),
            SyncWords.C_FORMAT_B.slice(SyncWords.T.length(), SyncWords.C_FORMAT_B.length()));

    private ModeT() {
    }
}
