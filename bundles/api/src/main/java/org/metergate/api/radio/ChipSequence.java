package org.metergate.api.radio;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * A sequence of chips, the binary symbols on the air of EN 13757-4 (what a bit-level receiver such as
 * an SDR demodulator delivers before any line decoding). Immutable; stored packed, first chip in the
 * most significant bit of the first byte, with an exact chip count.
 */
public final class ChipSequence {

    private static final ChipSequence EMPTY = new ChipSequence(new byte[0], 0);
    private static final int SHOWN_IN_TO_STRING = 96;

    private final byte[] packed;
    private final int length;

    private ChipSequence(byte[] packed, int length) {
        this.packed = packed;
        this.length = length;
    }

    public static ChipSequence empty() {
        return EMPTY;
    }

    /** The chips given as booleans, {@code true} for a one. */
    public static ChipSequence of(boolean... chips) {
        Builder b = new Builder(chips.length);
        for (boolean c : chips) {
            b.append(c);
        }
        return b.build();
    }

    /**
     * Parses chips written as {@code 0} and {@code 1}; spaces and underscores may group them, as
     * EN 13757-4 writes sync words ({@code 0000111101}).
     *
     * @throws IllegalArgumentException on any other character
     */
    public static ChipSequence parse(CharSequence text) {
        Builder b = new Builder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '0' || c == '1') {
                b.append(c == '1');
            } else if (c != ' ' && c != '_') {
                throw new IllegalArgumentException("not a chip at index " + i + ": '" + c + "' (chips are 0 or 1)");
            }
        }
        return b.build();
    }

    /**
     * The first {@code length} chips of {@code packed}, first chip in the most significant bit of byte 0.
     *
     * @throws IllegalArgumentException when {@code packed} holds fewer than {@code length} chips
     */
    public static ChipSequence fromPacked(byte[] packed, int length) {
        if (length < 0 || (long) packed.length * 8 < length) {
            throw new IllegalArgumentException(length + " chips asked from " + packed.length + " bytes");
        }
        byte[] copy = Arrays.copyOf(packed, (length + 7) / 8);
        if (length % 8 != 0) {
            copy[copy.length - 1] &= (byte) (0xFF << (8 - length % 8)); // unused low bits are zero, for equals
        }
        return new ChipSequence(copy, length);
    }

    /** Chips 0 to {@code length - 1} of a bit set (bit i is chip i). */
    public static ChipSequence fromBitSet(BitSet bits, int length) {
        Builder b = new Builder(length);
        for (int i = 0; i < length; i++) {
            b.append(bits.get(i));
        }
        return b.build();
    }

    /** The chips of all parts, one after the other. */
    public static ChipSequence concat(ChipSequence... parts) {
        int total = 0;
        for (ChipSequence p : parts) {
            total += p.length;
        }
        Builder b = new Builder(total);
        for (ChipSequence p : parts) {
            b.append(p);
        }
        return b.build();
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Chip {@code index}: {@code true} for a one. */
    public boolean chip(int index) {
        Objects.checkIndex(index, length);
        return (packed[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** {@code count} chips (at most 64) from {@code from} as a number, the first chip most significant. */
    public long bits(int from, int count) {
        Objects.checkFromIndexSize(from, count, length);
        if (count > 64) {
            throw new IllegalArgumentException("at most 64 chips fit in a long, asked " + count);
        }
        long v = 0;
        for (int i = from; i < from + count; i++) {
            v = (v << 1) | ((packed[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
        return v;
    }

    /** Chips {@code from} (inclusive) to {@code to} (exclusive). */
    public ChipSequence slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        Builder b = new Builder(to - from);
        for (int i = from; i < to; i++) {
            b.append(chip(i));
        }
        return b.build();
    }

    /** This sequence {@code times} times in a row (a preamble of n x "01"). */
    public ChipSequence repeat(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("negative repetition: " + times);
        }
        Builder b = new Builder(length * times);
        for (int t = 0; t < times; t++) {
            b.append(this);
        }
        return b.build();
    }

    /** This sequence with the chips at the given positions inverted (a model of bit errors on the air). */
    public ChipSequence withFlippedChips(int... positions) {
        byte[] copy = packed.clone();
        for (int p : positions) {
            Objects.checkIndex(p, length);
            copy[p >>> 3] ^= (byte) (0x80 >>> (p & 7));
        }
        return new ChipSequence(copy, length);
    }

    /** The chips packed into bytes, first chip in the most significant bit, unused low bits zero. */
    public byte[] toPacked() {
        return packed.clone();
    }

    public boolean[] toBooleans() {
        boolean[] out = new boolean[length];
        for (int i = 0; i < length; i++) {
            out[i] = chip(i);
        }
        return out;
    }

    /** True when {@code other} occurs in this sequence at {@code offset}. */
    public boolean regionMatches(int offset, ChipSequence other) {
        if (offset < 0 || offset + other.length > length) {
            return false;
        }
        for (int i = 0; i < other.length; i++) {
            if (chip(offset + i) != other.chip(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipSequence c && c.length == length && Arrays.equals(c.packed, packed);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(packed);
    }

    /** The chips as 0 and 1 (the first 96 and the count for longer sequences). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Math.min(length, SHOWN_IN_TO_STRING) + 24);
        for (int i = 0; i < Math.min(length, SHOWN_IN_TO_STRING); i++) {
            s.append(chip(i) ? '1' : '0');
        }
        if (length > SHOWN_IN_TO_STRING) {
            s.append("... (").append(length).append(" chips)");
        }
        return s.toString();
    }

    /** Builds a chip sequence chip by chip; not thread-safe. */
    public static final class Builder {

        private byte[] packed;
        private int length;

        public Builder() {
            this(64);
        }

        public Builder(int expectedChips) {
            packed = new byte[Math.max(8, (expectedChips + 7) / 8)];
        }

        public Builder append(boolean chip) {
            if (length == packed.length * 8) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            if (chip) {
                packed[length >>> 3] |= (byte) (0x80 >>> (length & 7));
            }
            length++;
            return this;
        }

        /** The low {@code count} bits of {@code value} (at most 64), most significant first. */
        public Builder appendBits(long value, int count) {
            if (count < 0 || count > 64) {
                throw new IllegalArgumentException("0 to 64 chips at a time, not " + count);
            }
            for (int i = count - 1; i >= 0; i--) {
                append(((value >>> i) & 1) != 0);
            }
            return this;
        }

        public Builder append(ChipSequence chips) {
            for (int i = 0; i < chips.length; i++) {
                append(chips.chip(i));
            }
            return this;
        }

        public int length() {
            return length;
        }

        public ChipSequence build() {
            return length == 0 ? EMPTY : new ChipSequence(Arrays.copyOf(packed, (length + 7) / 8), length);
        }
    }
}
