package org.metergate.driver.replay;

import java.util.Objects;
import java.util.OptionalInt;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.TelegramFormat;

/**
 * One line of a replay file: a frame as a receiver delivered it, and when.
 *
 * @param offsetMillis time since the start of the recording
 * @param mode the radio mode it was received in, or {@code null} when unknown
 * @param rssiDbm the signal strength, when recorded
 * @param format how the frame bytes are framed
 * @param frame the frame bytes
 */
record RecordedFrame(long offsetMillis, RadioModeId mode, OptionalInt rssiDbm, TelegramFormat format, byte[] frame) {

    RecordedFrame {
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(frame, "frame");
    }
}
