package org.metergate.wmbus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.metergate.api.security.MeterKey;
import org.metergate.api.telegram.TelegramFormat;

/**
 * Fuzzes the link and transport decoders (deframing, DLL, ELL, AFL, TPL, security, compact frames) and
 * the application layer behind them: whatever the bytes, the decoder returns a telegram or throws
 * {@link WMBusException}; any other exception, or a hang, is a finding.
 *
 * <p>The first input byte chooses the framing (bits 0-1), whether a key is known for every meter
 * (bit 2) and whether the rest is split into two telegrams decoded one after the other by the same
 * decoder (bit 3, so a full frame can prepare a compact frame); byte 2 is then the split point.
 *
 * <p>In the default build the {@code fuzz} execution of the module runs this with JAZZER_FUZZ=1 for
 * {@code wmbus.fuzz.duration} (30 s); longer:
 * {@code mvn -B -o -f bundles/wmbus/pom.xml verify -Dwmbus.fuzz.duration=30m}. Seeds (OMS example,
 * Kamstrup ELL and compact frames, mode 5) are in src/test/resources/.../WMBusDecoderFuzzTestInputs.
 */
@Tag("fuzzing")
class WMBusDecoderFuzzTest {

    private static final TelegramFormat[] FORMATS = {
        TelegramFormat.WMBUS_DETECT, TelegramFormat.WMBUS_NO_CRC, TelegramFormat.WMBUS_FORMAT_A, TelegramFormat.WMBUS_FORMAT_B
    };
    private static final MeterKey KEY = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");

    @FuzzTest(maxDuration = "30s")
    void decodeGivesATelegramOrTheTypedError(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int options = input[0] & 0xFF;
        TelegramFormat format = FORMATS[options & 3];
        WMBusDecoder decoder = (options & 4) != 0 ? new WMBusDecoder(m -> Optional.of(KEY)) : WMBusDecoder.withoutKeys();
        if ((options & 8) != 0 && input.length > 3) {
            int split = 2 + (input[1] & 0xFF) % (input.length - 2);
            decodeQuietly(decoder, Arrays.copyOfRange(input, 2, split), format);
            decodeQuietly(decoder, Arrays.copyOfRange(input, split, input.length), format);
        } else {
            decodeQuietly(decoder, Arrays.copyOfRange(input, 1, input.length), format);
        }
    }

    private static void decodeQuietly(WMBusDecoder decoder, byte[] frame, TelegramFormat format) {
        try {
            WMBusTelegram t = decoder.decode(frame, format);
            t.applicationData();
            t.ciChain();
            t.toString();
        } catch (WMBusException expected) {
            expected.getMessage();
        }
    }
}
