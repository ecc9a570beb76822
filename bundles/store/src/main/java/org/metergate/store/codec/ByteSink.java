package org.metergate.store.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array that records are encoded into. Fixed-width numbers are big-endian; variable
 * ones are unsigned LEB128 ("varint"), signed ones zig-zag mapped first, so small magnitudes of
 * either sign take one byte.
 */
public final class ByteSink {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int pos;

    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid bytes are {@code [0, position())}. */
    public byte[] array() {
        return buf;
    }

    public int position() {
        return pos;
    }

    /** Moves back (to drop what was written after {@code position}) or forward within what was written. */
    public void position(int position) {
        if (position < 0 || position > buf.length) {
            throw new IllegalArgumentException("position " + position + " outside 0.." + buf.length);
        }
        pos = position;
    }

    public void reset() {
        pos = 0;
    }

    /** Drops a large backing array after an exceptional batch, so one huge batch does not pin memory. */
    public void trimTo(int capacity) {
        if (buf.length > capacity && pos <= capacity) {
            buf = Arrays.copyOf(buf, capacity);
        }
    }

    private void ensure(int more) {
        int need = pos + more;
        if (need < 0) {
            throw new IllegalStateException("buffer exceeds 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length + (buf.length >> 1)));
        }
    }

    public void writeByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    public void writeShort(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    public void writeInt(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    public void writeLong(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Overwrites four bytes at an earlier position (frame length and checksum are known last). */
    public void putInt(int at, int v) {
        if (at < 0 || at + 4 > pos) {
            throw new IllegalArgumentException("putInt at " + at + " outside the written bytes 0.." + pos);
        }
        INT.set(buf, at, v);
    }

    public void putByte(int at, int v) {
        if (at < 0 || at >= pos) {
            throw new IllegalArgumentException("putByte at " + at + " outside the written bytes 0.." + pos);
        }
        buf[at] = (byte) v;
    }

    /** Unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
    public void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Zig-zag then LEB128: 0, -1, 1, -2, ... become 0, 1, 2, 3, ... */
    public void writeZigZag(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    public void writeBytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    public void writeBytes(byte[] src) {
        writeBytes(src, 0, src.length);
    }
}
