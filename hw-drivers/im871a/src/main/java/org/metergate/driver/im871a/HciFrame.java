package org.metergate.driver.im871a;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One HCI message as the stick sent it, FCS checked.
 *
 * @param message endpoint and message id
 * @param payload the payload field
 * @param timestamp the attached 32-bit time stamp of the stick's RTC, if any
 * @param rssi the attached raw RSSI (0..255), if any
 */
record HciFrame(HciMessageId message, byte[] payload, OptionalLong timestamp, OptionalInt rssi) {

    HciFrame {
        Objects.requireNonNull(message, "message");
        payload = payload.clone();
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rssi, "rssi");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    int payloadLength() {
        return payload.length;
    }

    /** The first payload byte, the status of most responses (0 = success), or -1 without payload. */
    int status() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }
}
