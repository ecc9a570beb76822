package org.metergate.radio.s;

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
 * The physical facts of EN 13757-4 mode S (stationary), clause 6: one channel at 868.3 MHz for both
 * directions, 32.768 kchip/s Manchester (16.384 kbit/s), 2-FSK. Sources:
 * <ul>
 * <li>Microchip wM-Bus TRX configuration table: S1 and S2 at 868.30 MHz, Manchester, n x (01) with
 * n &ge; 279 (S1, long header) and n &ge; 15 (S2), sync 0x07696 in 18 chips.</li>
 * <li>STMicroelectronics S2-LP wM-Bus stack (wmbus_phy.c, S2LP_PktWMbus.h): deviation 50 kHz; S1-m,
 * S2 and T2 other-to-meter use the short header of 15 x 01; postamble 2 to 8 chips (S default 2);
 * response time min 3 ms, typ. 5 ms, max 50 ms.</li>
 * <li>Radiocrafts MBUS manual: receive timeout at least 50 ms in mode S; Michael MBWBLUE manual:
 * automatic S2 response delay 10 ms - both inside that window.</li>
 * <li>rtl-wmbus s1_packet_decoder.h: Manchester "01" is a one, "10" a zero, as the standard says.</li>
 * </ul>
 * The single synchronisation word cannot announce format B: mode S uses frame format A.
 */
public final class ModeS {

    private static PhysicalChannel channel(Direction direction, int preambleRepetitions) {
        return new PhysicalChannel(direction, "", 868_300_000, 32_768, DataEncoding.MANCHESTER, Modulation.FSK, 50_000,
                Preamble.alternating(preambleRepetitions), Map.of(FrameFormat.A, SyncWords.S), new Postamble(2, 8),
                SrdBands.G1_868_0);
    }

    /** S1: long header, n &ge; 279, so a receiver waking up periodically still catches the frame. */
    public static final PhysicalChannel S1_METER_TO_OTHER = channel(Direction.METER_TO_OTHER, 279);
    /** S1-m and S2: short header, n &ge; 15. */
    public static final PhysicalChannel SHORT_METER_TO_OTHER = channel(Direction.METER_TO_OTHER, 15);
    /** S2 other-to-meter: short header on the same channel. */
    public static final PhysicalChannel OTHER_TO_METER = channel(Direction.OTHER_TO_METER, 15);

    /** After an S2 meter's frame the other device answers 3 to 50 ms later. */
    public static final ResponseWindow S2_RESPONSE = new ResponseWindow(ResponseDelay.STANDARD, Duration.ofMillis(3),
            Duration.ofMillis(50));

    public static final RadioModeSpec S1 = new RadioModeSpec(RadioModeId.S1, List.of(S1_METER_TO_OTHER), List.of());
    public static final RadioModeSpec S1_M = new RadioModeSpec(RadioModeId.S1_M, List.of(SHORT_METER_TO_OTHER), List.of());
    public static final RadioModeSpec S2 = new RadioModeSpec(RadioModeId.S2, List.of(SHORT_METER_TO_OTHER, OTHER_TO_METER),
            List.of(S2_RESPONSE));

    private ModeS() {
    }
}
