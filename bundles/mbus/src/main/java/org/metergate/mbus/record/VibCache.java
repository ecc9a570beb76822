package org.metergate.mbus.record;

/**
 * Remembers what value information blocks decode to. Meters send the same few dozen VIF/VIFE
 * combinations over and over, and decoding one with VIFEs builds strings and lists; a hit costs a
 * few array reads. VIBs of up to 7 bytes without plain text are cached, keyed by their bytes, length
 * and direction. Entries are immutable and replaced racily: a thread sees an entry or a miss, never
 * a torn one (final fields).
 */
final class VibCache {

    private record Entry(long key, ValueInformation information, int length) {
    }

    private static final int SIZE = 4096;
    private static final Entry[] ENTRIES = new Entry[SIZE];

    private VibCache() {
    }

    /**
     * The key of the VIB at {@code buf[at]}, or -1 when it is not cacheable (plain text, longer than
     * 7 bytes, or running past {@code end}: the decoder then reports the error).
     */
    static long key(byte[] buf, int at, int end, Direction direction) {
        long key = 0;
        int n = 0;
        int p = at;
        while (true) {
            if (p >= end || n == 7) {
                return -1;
            }
            int b = buf[p++] & 0xFF;
            if (n == 0 && (b & 0x7F) == 0x7C) {
                return -1;
            }
            key |= (long) b << (8 * n);
            n++;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return key | (long) n << 56 | (direction == Direction.MASTER_TO_SLAVE ? 1L << 60 : 0);
    }

    static int length(long key) {
        return (int) (key >>> 56) & 0x0F;
    }

    /** The cached information for a key, or null. */
    static ValueInformation get(long key) {
        int slot = slot(key);
        Entry e = ENTRIES[slot];
        if (e != null && e.key == key) {
            return e.information;
        }
        Entry f = ENTRIES[slot ^ 1]; // two ways: two VIBs sharing a slot do not evict each other
        return f != null && f.key == key ? f.information : null;
    }

    static void put(long key, ValueInformation information) {
        int slot = slot(key);
        ENTRIES[ENTRIES[slot] == null || ENTRIES[slot ^ 1] != null ? slot : slot ^ 1] = new Entry(key, information, length(key));
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 52) & (SIZE - 1);
    }
}
