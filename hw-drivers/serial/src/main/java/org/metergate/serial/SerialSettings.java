package org.metergate.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * How a serial port is set up.
 *
 * @param baudRate bits per second, e.g. 57600
 * @param dataBits 5 to 8
 * @param parity parity bit
 * @param stopBits stop bits
 * @param flowControl handshake
 * @param readTimeout how long a read waits for the first byte (1 ms to 60 s); also how quickly a reader notices a close
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl,
                             Duration readTimeout) {

    public SerialSettings {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("read timeout must be 1 ms to 60 s: " + readTimeout);
        }
    }

    /** 8 data bits, no parity, one stop bit, no flow control, 100 ms read timeout: what wM-Bus sticks use. */
    public static SerialSettings of(int baudRate) {
        return new SerialSettings(baudRate, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, Duration.ofMillis(100));
    }

    public SerialSettings withFlowControl(FlowControl flow) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits, flow, readTimeout);
    }

    public SerialSettings withReadTimeout(Duration timeout) {
        return new SerialSettings(baudRate, dataBits, parity, stopBits, flowControl, timeout);
    }

    /** E.g. {@code 57600 8N1}. */
    @Override
    public String toString() {
        String p = switch (parity) {
            case NONE -> "N";
            case ODD -> "O";
            case EVEN -> "E";
            case MARK -> "M";
            case SPACE -> "S";
        };
        String s = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return baudRate + " " + dataBits + p + s + (flowControl == FlowControl.NONE ? "" : " " + flowControl);
    }
}
