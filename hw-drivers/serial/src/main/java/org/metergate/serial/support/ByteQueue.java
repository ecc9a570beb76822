package org.metergate.serial.support;

import java.util.Arrays;

/** A growable FIFO of bytes for stream decoders: append at the end, look at and drop from the front. Not thread-safe. */
public final class ByteQueue {

    private byte[] buf = new byte[256];
    private int start;
    private int end;

    public void append(byte[] data, int offset, int length) {
        if (end + length > buf.length) {
            int size = size();
            if (size + length > buf.length) {
                buf = Arrays.copyOfRange(buf, start, start + Math.max(buf.length * 2, size + length));
            } else {
                System.arraycopy(buf, start, buf, 0, size);
            }
            start = 0;
            end = size;
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
    }

    public void append(byte[] data) {
        append(data, 0, data.length);
    }

    public int size() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    /** The byte at {@code index} from the front, 0..255. */
    public int get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size());
        }
        return buf[start + index] & 0xFF;
    }

    /** A copy of {@code length} bytes from {@code index}. */
    public byte[] copy(int index, int length) {
        if (index < 0 || length < 0 || index + length > size()) {
            throw new IndexOutOfBoundsException(index + "+" + length + " of " + size());
        }
        return Arrays.copyOfRange(buf, start + index, start + index + length);
    }

    /** Index of the first {@code value} at or after {@code from}, or -1. */
    public int indexOf(int value, int from) {
        for (int i = start + Math.max(0, from); i < end; i++) {
            if ((buf[i] & 0xFF) == value) {
                return i - start;
            }
        }
        return -1;
    }

    /** Drops {@code n} bytes from the front. */
    public void drop(int n) {
        if (n < 0 || n > size()) {
            throw new IndexOutOfBoundsException("drop " + n + " of " + size());
        }
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    public void clear() {
        start = 0;
        end = 0;
    }
}
