package org.metergate.mbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.metergate.mbus.app.ApplicationLayer;
import org.metergate.mbus.link.ControlField;
import org.metergate.mbus.link.LinkLayer;
import org.metergate.mbus.link.LongFrame;
import org.metergate.mbus.record.DataRecordDecoder;
import org.metergate.mbus.record.Direction;

/**
 * Fuzzes the frame and application-layer decoders with Jazzer: whatever the bytes, the decoders
 * return or throw {@link MBusDecodeException} with an offset inside the input; any other exception
 * is a finding. The build runs it for {@code fuzz.duration} (30 s) with {@code JAZZER_FUZZ=1}
 * (surefire execution {@code fuzz}); longer: {@code mvn -f bundles/mbus/pom.xml verify -Dfuzz.duration=10m}.
 *
 * <p>Seeds ({@code MBusFuzzTestInputs/}) are the test frames of the libmbus corpus
 * (rscada/libmbus test/test-frames, see ../shared/corpus/mbus/libmbus/SOURCE.txt) as binary files.
 */
class MBusFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodersThrowNothingButTheTypedError(byte[] input) {
        // as a whole frame
        decode(() -> MBusDecoder.decode(input), input.length);
        decode(() -> MBusDecoder.decodeReadout(input), input.length);
        decode(() -> LinkLayer.frameLength(input, 0, input.length), input.length);
        // as user data (CI first) and as bare records, where the frame layer would stop most inputs
        decode(() -> ApplicationLayer.decode(input, 0, input.length, Direction.SLAVE_TO_MASTER), input.length);
        decode(() -> DataRecordDecoder.decode(input, 0, input.length, Direction.SLAVE_TO_MASTER, 0x02), input.length);
        decode(() -> DataRecordDecoder.decode(input, 0, input.length, Direction.MASTER_TO_SLAVE, -1), input.length);
        // wrapped in a valid RSP_UD long frame, so the application layer is reached through the link layer
        if (input.length >= 2 && input.length <= LongFrame.MAX_DATA + 1) {
            byte[] frame = LinkLayer.encode(LongFrame.of(ControlField.rspUd(false, false), 1, input));
            decode(() -> MBusDecoder.decodeReadout(frame), frame.length);
            decode(() -> MBusDecoder.decode(frame), frame.length);
        }
    }

    interface Decoding {
        Object run() throws MBusDecodeException;
    }

    private static void decode(Decoding d, int length) {
        try {
            Object result = d.run();
            if (result != null) {
                result.toString(); // the values' text forms must not throw either
            }
        } catch (MBusDecodeException e) {
            assertThat(e.offset()).isBetween(0, length);
            assertThat(e.reason()).isNotBlank();
        }
    }
}
