package org.metergate.radio.common;

import java.util.Arrays;
import org.metergate.api.radio.ChipSequence;

/**
 * The chips of a stream that a decoder still needs, addressed by their absolute position in the stream;
 * chips before {@link #start()} have been dropped.
 */
final class ChipBuffer {

    private long[] words = new long[16];
    /** Absolute position of bit 0 of words[0]. */
    private long base;
    /** Absolute position just after the last chip. */
    private long end;

    long start() {
        return base;
    }

    long end() {
        return end;
    }

    /** True when chips {@code from} .. {@code from + count - 1} are all held. */
    boolean has(long from, long count) {
        return from >= base && from + count <= end;
    }

    void append(ChipSequence chips) {
        byte[] packed = chips.toPacked();
        int n = chips.length();
        ensure(end - base + n);
        for (int i = 0; i < n; i++) {
            if ((packed[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                long rel = end - base + i;
                words[(int) (rel >>> 6)] |= 1L << (63 - (rel & 63));
            }
        }
        end += n;
    }

    boolean chip(long position) {
        long rel = position - base;
        return (words[(int) (rel >>> 6)] & (1L << (63 - (rel & 63)))) != 0;
    }

    /** {@code count} chips (at most 64) from {@code position}, the first one most significant. */
    long bits(long position, int count) {
        long v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 1) | (chip(position + i) ? 1 : 0);
        }
        return v;
    }

    /** Drops the chips before {@code position}. */
    void dropBefore(long position) {
        long words64 = (Math.min(position, end) - base) >>> 6;
        if (words64 <= 0) {
            return;
        }
        int w = (int) words64;
        int used = (int) ((end - base + 63) >>> 6);
        System.arraycopy(words, w, words, 0, used - w);
        Arrays.fill(words, used - w, used, 0L);
        base += 64L * w;
    }

    void clear() {
        Arrays.fill(words, 0L);
        base = 0;
        end = 0;
    }

    private void ensure(long chips) {
        int needed = (int) ((chips + 63) >>> 6);
        if (needed > words.length) {
            words = Arrays.copyOf(words, Math.max(needed, words.length * 2));
        }
    }
}
