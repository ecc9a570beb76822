package org.metergate.mbus.app;

import org.metergate.mbus.MBusDecodeException;

/**
 * The short header of CI 0x7A (4 bytes): access number, status, configuration field.
 */
public record ShortHeader(int accessNumber, StatusByte status, ConfigurationField configuration)
        implements TransportHeader {

    public static final int LENGTH = 4;

    /** Decodes the header at {@code buf[offset]}, the first byte after the CI. */
    public static ShortHeader decode(byte[] buf, int offset) throws MBusDecodeException {
        return decode(buf, offset, buf.length);
    }

    /** Decodes the header at {@code buf[offset]}, reading no further than {@code end}. */
    public static ShortHeader decode(byte[] buf, int offset, int end) throws MBusDecodeException {
        LongHeader.need(buf, offset, end, LENGTH, "short header");
        return new ShortHeader(buf[offset] & 0xFF, new StatusByte(buf[offset + 1] & 0xFF),
                new ConfigurationField((buf[offset + 2] & 0xFF) | (buf[offset + 3] & 0xFF) << 8));
    }

    /** The 4 header bytes. */
    public byte[] encode() {
        int c = configuration.value();
        return new byte[] {(byte) accessNumber, (byte) status.value(), (byte) c, (byte) (c >> 8)};
    }

    @Override
    public int length() {
        return LENGTH;
    }
}
