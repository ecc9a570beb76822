package org.metergate.radio.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.DutyCycle;
import org.metergate.api.radio.Modulation;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.Postamble;
import org.metergate.api.radio.Preamble;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.RadioModeSpec;
import org.metergate.api.radio.ResponseDelay;
import org.metergate.api.radio.ResponseWindow;

/**
 * Channels shaped like EN 13757-4 modes C and S for the generic decoder tests; the facts the gateway
 * uses live in the mode bundles (radio-c, radio-s), which test them against their sources.
 */
final class TestChannels {

    static final ChipSequence C_SYNC_A = SyncWords.C_FORMAT_A;
    static final ChipSequence C_SYNC_B = SyncWords.C_FORMAT_B;

    static final PhysicalChannel NRZ_TWO_FORMATS = new PhysicalChannel(Direction.METER_TO_OTHER, "", 868_950_000, 100_000,
            DataEncoding.NRZ, Modulation.FSK, 45_000, Preamble.alternating(16),
            Map.of(FrameFormat.A, C_SYNC_A, FrameFormat.B, C_SYNC_B), Postamble.NONE, new DutyCycle(0.1, "test"));

    static final PhysicalChannel MANCHESTER = new PhysicalChannel(Direction.METER_TO_OTHER, "", 868_300_000, 32_768,
            DataEncoding.MANCHESTER, Modulation.FSK, 50_000, Preamble.alternating(15),
            Map.of(FrameFormat.A, ChipSequence.parse("000111011010010110")), new Postamble(2, 8), new DutyCycle(1, "test"));

    static final RadioModeSpec NRZ_MODE = new RadioModeSpec(RadioModeId.C1, List.of(NRZ_TWO_FORMATS), List.of());

    static final RadioModeSpec MANCHESTER_MODE = new RadioModeSpec(RadioModeId.S2,
            List.of(MANCHESTER, new PhysicalChannel(Direction.OTHER_TO_METER, "", 868_300_000, 32_768,
                    DataEncoding.MANCHESTER, Modulation.FSK, 50_000, Preamble.alternating(15),
                    Map.of(FrameFormat.A, ChipSequence.parse("000111011010010110")), new Postamble(2, 8),
                    new DutyCycle(1, "test"))),
            List.of(new ResponseWindow(ResponseDelay.STANDARD, Duration.ofMillis(3), Duration.ofMillis(50))));

    private TestChannels() {
    }
}
