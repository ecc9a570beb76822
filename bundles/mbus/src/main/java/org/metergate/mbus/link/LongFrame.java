package org.metergate.mbus.link;

import java.util.Arrays;
import java.util.Objects;
import org.metergate.mbus.Hex;

/**
 * The long frame {@code 68 L L 68 C A CI data CS 16} with 1 to 252 bytes of user data after the CI.
 *
 * @param control the C-field
 * @param address the A-field
 * @param ci the CI-field (first byte of the application layer)
 * @param data the user data after the CI (a copy is kept and handed out)
 */
public record LongFrame(ControlField control, int address, int ci, byte[] data) implements LinkFrame {

    public static final int START = 0x68;
    public static final int STOP = 0x16;
    /** L counts C, A, CI and the data: at most 255, so at most 252 data bytes. */
    public static final int MAX_DATA = 252;

    public LongFrame {
        Objects.requireNonNull(control, "control");
        AddressField.of(address);
        if (ci < 0 || ci > 0xFF) {
            throw new IllegalArgumentException("CI-field must be a byte: " + ci);
        }
        if (data.length == 0 || data.length > MAX_DATA) {
            throw new IllegalArgumentException("a long frame carries 1.." + MAX_DATA + " data bytes, not " + data.length
                    + " (no data: use a control frame)");
        }
        data = data.clone();
    }

    /** A long frame from the application layer's bytes: CI first, then the data. */
    public static LongFrame of(ControlField control, int address, byte[] ciAndData) {
        if (ciAndData.length < 2) {
            throw new IllegalArgumentException("a long frame needs a CI and data; a CI alone is a control frame");
        }
        return new LongFrame(control, address, ciAndData[0] & 0xFF, Arrays.copyOfRange(ciAndData, 1, ciAndData.length));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of user data bytes after the CI. */
    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongFrame f && control.equals(f.control) && address == f.address && ci == f.ci
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, address, ci) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "LongFrame[" + control + ", address " + address + ", CI " + Hex.byteHex(ci) + ", " + data.length + " bytes]";
    }
}
