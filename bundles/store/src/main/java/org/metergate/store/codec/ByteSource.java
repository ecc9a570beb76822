package org.metergate.store.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads what {@link ByteSink} wrote, within {@code [offset, limit)} of an array. Every read is bounds
 * checked and fails with {@link RecordFormatException}, never with an index exception.
 */
public final class ByteSource {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int start;
    private int pos;
    private int limit;

    public ByteSource() {
        this(new byte[0], 0, 0);
    }

    public ByteSource(byte[] buf, int offset, int length) {
        reset(buf, offset, length);
    }

    public ByteSource(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteSource reset(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length || offset + length < 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside an array of " + buf.length);
        }
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.limit = offset + length;
        return this;
    }

    /** Bytes read so far, counted from the start of the range. */
    public int consumed() {
        return pos - start;
    }

    public int remaining() {
        return limit - pos;
    }

    private void need(int n, String what) throws RecordFormatException {
        if (n > limit - pos) {
            throw new RecordFormatException("record ends at byte " + (pos - start) + " where " + what + " needs "
                    + n + " bytes (" + (limit - pos) + " left)");
        }
    }

    public int readUnsignedByte(String what) throws RecordFormatException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    public int readUnsignedShort(String what) throws RecordFormatException {
        need(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int readInt(String what) throws RecordFormatException {
        need(4, what);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    public long readLong(String what) throws RecordFormatException {
        need(8, what);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    public long readVarLong(String what) throws RecordFormatException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte(what);
            if (shift == 63 && (b & 0xFE) != 0) {
                break; // a tenth byte may carry only the top bit
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new RecordFormatException(what + ": variable-length number longer than 64 bits at byte " + (pos - start));
    }

    /** A varint that must fit {@code 0..max}. */
    public long readVarLong(String what, long max) throws RecordFormatException {
        long v = readVarLong(what);
        if (v < 0 || v > max) {
            throw new RecordFormatException(what + " " + Long.toUnsignedString(v) + " is out of range 0.." + max);
        }
        return v;
    }

    public long readZigZag(String what) throws RecordFormatException {
        long v = readVarLong(what);
        return (v >>> 1) ^ -(v & 1);
    }

    public void readBytes(byte[] dst, int off, int len, String what) throws RecordFormatException {
        need(len, what);
        System.arraycopy(buf, pos, dst, off, len);
        pos += len;
    }

    /** Decodes {@code len} bytes of UTF-8 at the current position. */
    public String readUtf8(int len, String what) throws RecordFormatException {
        need(len, what);
        String s = new String(buf, pos, len, java.nio.charset.StandardCharsets.UTF_8);
        pos += len;
        return s;
    }
}
