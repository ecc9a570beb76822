package org.metergate.wmbus.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;

/**
 * Meter addresses read from the M- and A-fields, interned: a gateway hears the same few thousand meters
 * over and over, and building a {@link MeterAddress} validates its identification with a regular
 * expression, which the decode path should not pay per telegram.
 */
public final class Addresses {

    /** Beyond this many distinct addresses the table starts again (it is a cache, not a register). */
    private static final int LIMIT = 1 << 16;
    private static final ConcurrentHashMap<Long, Entry> TABLE = new ConcurrentHashMap<>();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** An address and the meter id (manufacturer + identification) that keys and replay state use. */
    public record Entry(MeterAddress address, MeterId meterId) {
    }

    private Addresses() {
    }

    /**
     * The address of the 8 bytes M (2, little-endian), identification (4, little-endian BCD), version,
     * device type at {@code offset} - the order of the EN 13757-4 M- and A-fields and of the ELL.
     */
    public static Entry linkOrder(byte[] b, int offset) {
        long key = 0;
        for (int i = 7; i >= 0; i--) {
            key = (key << 8) | (b[offset + i] & 0xFF);
        }
        Entry e = TABLE.get(key);
        if (e == null) {
            e = create(key);
        }
        return e;
    }

    /**
     * The address of a long TPL header (EN 13757-3 order): identification (4), manufacturer (2), version,
     * device type at {@code offset}.
     */
    public static Entry headerOrder(byte[] b, int offset) {
        long key = (b[offset + 4] & 0xFFL) | (b[offset + 5] & 0xFFL) << 8;
        for (int i = 0; i < 4; i++) {
            key |= (b[offset + i] & 0xFFL) << (16 + 8 * i);
        }
        key |= (b[offset + 6] & 0xFFL) << 48 | (b[offset + 7] & 0xFFL) << 56;
        Entry e = TABLE.get(key);
        if (e == null) {
            e = create(key);
        }
        return e;
    }

    /** The bytes M, A (8, link order) of an address: the inverse of {@link #linkOrder}. */
    public static void writeLinkOrder(MeterAddress a, byte[] out, int offset) {
        int m = a.manufacturer().id();
        out[offset] = (byte) m;
        out[offset + 1] = (byte) (m >>> 8);
        writeIdentification(a.identification(), out, offset + 2);
        out[offset + 6] = (byte) a.version();
        out[offset + 7] = (byte) a.deviceType();
    }

    /** The bytes identification, M, version, device type (8, long header order). */
    public static void writeHeaderOrder(MeterAddress a, byte[] out, int offset) {
        writeIdentification(a.identification(), out, offset);
        int m = a.manufacturer().id();
        out[offset + 4] = (byte) m;
        out[offset + 5] = (byte) (m >>> 8);
        out[offset + 6] = (byte) a.version();
        out[offset + 7] = (byte) a.deviceType();
    }

    /** The 4 identification bytes, least significant digit pair first. */
    public static void writeIdentification(String identification, byte[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            int pos = 6 - 2 * i;
            int hi = Character.digit(identification.charAt(pos), 16);
            int lo = Character.digit(identification.charAt(pos + 1), 16);
            out[offset + i] = (byte) (hi << 4 | lo);
        }
    }

    private static Entry create(long key) {
        int m = (int) (key & 0xFFFF);
        char[] id = new char[8];
        for (int i = 0; i < 4; i++) {
            int v = (int) (key >>> (16 + 8 * i)) & 0xFF;
            id[6 - 2 * i] = HEX[v >>> 4];
            id[7 - 2 * i] = HEX[v & 0xF];
        }
        int version = (int) (key >>> 48) & 0xFF;
        int type = (int) (key >>> 56) & 0xFF;
        MeterAddress address = new MeterAddress(new ManufacturerCode(m), new String(id), version, type);
        Entry e = new Entry(address, address.meterId());
        if (TABLE.size() >= LIMIT) {
            TABLE.clear();
        }
        Entry previous = TABLE.putIfAbsent(key, e);
        return previous != null ? previous : e;
    }
}
