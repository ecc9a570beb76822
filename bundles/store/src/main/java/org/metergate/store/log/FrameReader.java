package org.metergate.store.log;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads frames one after another from a segment file through a buffer, checking each one's length
 * and CRC32C. Used by recovery (to find where the valid data ends) and by cursors (where a bad frame
 * inside durable data means the medium is damaged). Not thread-safe.
 */
final class FrameReader {

    enum Status {
        /** A valid frame: see {@link #seq()}, {@link #kind()}, {@link #bodyOffset()}. */
        FRAME,
        /** Exactly at the limit. */
        END,
        /** What follows is not a complete valid frame; {@link #problem()} says why. */
        TORN
    }

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int maxPayload;
    private final CRC32C crc = new CRC32C();
    private byte[] buf;
    private FileChannel channel;
    private long bufStart;
    private int bufLen;
    private long offset;
    private long limit;

    private long frameOffset;
    private long seq;
    private int kind;
    private int bodyOffset;
    private int bodyLength;
    private String problem;

    FrameReader(int bufferSize, int maxPayload) {
        this.buf = new byte[bufferSize];
        this.maxPayload = maxPayload;
    }

    /** Continues at {@code offset}; keeps buffered bytes when the channel is the same. */
    void position(FileChannel channel, long offset, long limit) {
        if (channel != this.channel) {
            this.channel = channel;
            bufLen = 0;
        }
        this.offset = offset;
        this.limit = limit;
    }

    /** Forgets buffered bytes (the channel is closed or the file was truncated). */
    void forget() {
        channel = null;
        bufLen = 0;
    }

    Status next() throws IOException {
        if (offset >= limit) {
            return Status.END;
        }
        if (limit - offset < Frames.HEADER) {
            return torn("a frame header needs 8 bytes but only " + (limit - offset) + " follow");
        }
        if (!ensure(Frames.HEADER)) {
            return torn("the file ends inside a frame header");
        }
        int at = (int) (offset - bufStart);
        int len = (int) INT.get(buf, at);
        if (len < Frames.MIN_PAYLOAD || len > maxPayload) {
            return torn("frame length " + len + " outside " + Frames.MIN_PAYLOAD + ".." + maxPayload);
        }
        if (limit - offset - Frames.HEADER < len) {
            return torn("a frame of " + len + " bytes runs past the end of the data");
        }
        if (!ensure(Frames.HEADER + len)) {
            return torn("the file ends inside a frame");
        }
        at = (int) (offset - bufStart);
        int stored = (int) INT.get(buf, at + 4);
        crc.reset();
        crc.update(buf, at + Frames.HEADER, len);
        if ((int) crc.getValue() != stored) {
            return torn("checksum mismatch");
        }
        int k = buf[at + Frames.HEADER + 8] & 0xFF;
        if ((k & Frames.RESERVED_MASK) != 0 || (k & Frames.TYPE_MASK) == 0) {
            return torn("frame kind 0x" + Integer.toHexString(k) + " is not valid");
        }
        frameOffset = offset;
        seq = (long) LONG.get(buf, at + Frames.HEADER);
        kind = k;
        bodyOffset = at + Frames.HEADER + Frames.PAYLOAD_PREFIX;
        bodyLength = len - Frames.PAYLOAD_PREFIX;
        offset += Frames.HEADER + len;
        return Status.FRAME;
    }

    private Status torn(String why) {
        problem = why;
        return Status.TORN;
    }

    /** Makes {@code [offset, offset + n)} available in the buffer; false when the file is shorter. */
    private boolean ensure(int n) throws IOException {
        if (offset >= bufStart && offset + n <= bufStart + bufLen) {
            return true;
        }
        if (n > buf.length) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
        bufStart = offset;
        bufLen = 0;
        int want = (int) Math.min(buf.length, limit - offset);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
        while (bb.hasRemaining()) {
            int r = channel.read(bb, bufStart + bb.position());
            if (r < 0) {
                break;
            }
        }
        bufLen = bb.position();
        return n <= bufLen;
    }

    byte[] buffer() {
        return buf;
    }

    long offset() {
        return offset;
    }

    long frameOffset() {
        return frameOffset;
    }

    long seq() {
        return seq;
    }

    int kind() {
        return kind;
    }

    int type() {
        return kind & Frames.TYPE_MASK;
    }

    boolean batchEnd() {
        return (kind & Frames.BATCH_END) != 0;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    int bodyLength() {
        return bodyLength;
    }

    String problem() {
        return problem;
    }
}
