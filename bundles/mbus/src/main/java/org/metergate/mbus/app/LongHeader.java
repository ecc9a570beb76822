package org.metergate.mbus.app;

import java.util.Objects;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterAddress;
import org.metergate.mbus.MBusDecodeException;

/**
 * The long header of CI 0x72 (12 bytes): identification number (8 BCD digits, least significant
 * byte first), manufacturer (2 bytes), version, device type (medium), access number, status,
 * configuration field (2 bytes). Identification, manufacturer, version and device type are the
 * meter's secondary address.
 */
public record LongHeader(MeterAddress address, int accessNumber, StatusByte status, ConfigurationField configuration)
        implements TransportHeader {

    public static final int LENGTH = 12;

    public LongHeader {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(configuration, "configuration");
    }

    /** Decodes the header at {@code buf[offset]}, the first byte after the CI. */
    public static LongHeader decode(byte[] buf, int offset) throws MBusDecodeException {
        return decode(buf, offset, buf.length);
    }

    /** Decodes the header at {@code buf[offset]}, reading no further than {@code end}. */
    public static LongHeader decode(byte[] buf, int offset, int end) throws MBusDecodeException {
        need(buf, offset, end, LENGTH, "long header");
        MeterAddress address = address(buf, offset);
        return new LongHeader(address, buf[offset + 8] & 0xFF, new StatusByte(buf[offset + 9] & 0xFF),
                new ConfigurationField((buf[offset + 10] & 0xFF) | (buf[offset + 11] & 0xFF) << 8));
    }

    /** The 12 header bytes. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        String id = address.identification();
        for (int i = 0; i < 4; i++) {
            out[3 - i] = (byte) Integer.parseInt(id.substring(2 * i, 2 * i + 2), 16);
        }
        int m = address.manufacturer().id();
        out[4] = (byte) m;
        out[5] = (byte) (m >> 8);
        out[6] = (byte) address.version();
        out[7] = (byte) address.deviceType();
        out[8] = (byte) accessNumber;
        out[9] = (byte) status.value();
        out[10] = (byte) configuration.value();
        out[11] = (byte) (configuration.value() >> 8);
        return out;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    private record CachedAddress(long key, MeterAddress address) {
    }

    // A gateway hears the same meters again and again, and building a MeterAddress validates its
    // identification with a regular expression: addresses are kept by their 8 header bytes.
    private static final CachedAddress[] ADDRESSES = new CachedAddress[1024];

    private static MeterAddress address(byte[] buf, int offset) {
        long key = 0;
        for (int i = 7; i >= 0; i--) {
            key = key << 8 | (buf[offset + i] & 0xFF);
        }
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 54);
        CachedAddress c = ADDRESSES[slot];
        if (c != null && c.key == key) {
            return c.address;
        }
        CachedAddress d = ADDRESSES[slot ^ 1]; // two ways, so that two meters sharing a slot do not evict each other
        if (d != null && d.key == key) {
            return d.address;
        }
        MeterAddress a = new MeterAddress(new ManufacturerCode((buf[offset + 4] & 0xFF) | (buf[offset + 5] & 0xFF) << 8),
                identification(buf, offset), buf[offset + 6] & 0xFF, buf[offset + 7] & 0xFF);
        ADDRESSES[c == null || d != null ? slot : slot ^ 1] = new CachedAddress(key, a);
        return a;
    }

    /** Eight hex digits, most significant first, from 4 bytes sent least significant first. */
    static String identification(byte[] buf, int offset) {
        char[] c = new char[8];
        for (int i = 0; i < 4; i++) {
            int b = buf[offset + 3 - i] & 0xFF;
            c[2 * i] = HEX[b >> 4];
            c[2 * i + 1] = HEX[b & 0x0F];
        }
        return new String(c);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static void need(byte[] buf, int offset, int end, int n, String what) throws MBusDecodeException {
        if (offset < 0 || end > buf.length || offset > end) {
            throw new IllegalArgumentException("range [" + offset + ", " + end + ") outside an array of " + buf.length);
        }
        if (end - offset < n) {
            throw new MBusDecodeException(end, "premature end of data: " + what + " needs " + n + " bytes, "
                    + (end - offset) + " left");
        }
    }
}
