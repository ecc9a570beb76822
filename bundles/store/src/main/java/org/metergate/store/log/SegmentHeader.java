package org.metergate.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.metergate.store.codec.ByteSink;
import org.metergate.store.codec.ByteSource;
import org.metergate.store.codec.RecordFormatException;
import org.metergate.store.codec.StringDictionary;
import org.metergate.store.codec.UplinkEncoder;

/**
 * The header at the start of every segment file:
 *
 * <pre>
 * 4    magic "MGJS"
 * u16  format version (the record format of the whole segment, {@link UplinkEncoder#FORMAT_VERSION})
 * u16  header length H, including this and the checksum
 * i64  first sequence (equal to the number in the file name)
 * i64  created, epoch milliseconds (the previous segment's data is no newer than this)
 * dict the segment's string dictionary: varint count, then each entry as varint length and UTF-8
 * u32  CRC32C of bytes [0, H-4)
 * </pre>
 *
 * A segment is written to a temporary name, synced and then renamed, so a segment under its final
 * name always has a complete header.
 */
final class SegmentHeader {

    static final int MAGIC = 0x4D474A53; // "MGJS"
    static final int FIXED = 24;
    static final int MAX_LENGTH = 0xFFFF;

    private final long firstSequence;
    private final long createdMillis;
    private final StringDictionary dictionary;
    private final byte[] bytes;

    private SegmentHeader(long firstSequence, long createdMillis, StringDictionary dictionary, byte[] bytes) {
        this.firstSequence = firstSequence;
        this.createdMillis = createdMillis;
        this.dictionary = dictionary;
        this.bytes = bytes;
    }

    static SegmentHeader create(long firstSequence, long createdMillis, StringDictionary dictionary) {
        ByteSink out = new ByteSink(256);
        out.writeInt(MAGIC);
        out.writeShort(UplinkEncoder.FORMAT_VERSION);
        out.writeShort(0); // length, patched below
        out.writeLong(firstSequence);
        out.writeLong(createdMillis);
        dictionary.writeTo(out);
        int length = out.position() + 4;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("segment header of " + length + " bytes exceeds " + MAX_LENGTH);
        }
        out.position(6);
        out.writeShort(length);
        out.position(length - 4);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, length - 4);
        out.writeInt((int) crc.getValue());
        return new SegmentHeader(firstSequence, createdMillis, dictionary, Arrays.copyOf(out.array(), length));
    }

    /** Reads and checks the header at the start of a segment file. */
    static SegmentHeader read(FileChannel ch) throws IOException, RecordFormatException {
        ByteBuffer fixed = ByteBuffer.allocate(8);
        readFully(ch, fixed, 0);
        if (fixed.position() < 8) {
            throw new RecordFormatException("segment header: file has only " + fixed.position() + " bytes");
        }
        fixed.flip();
        int magic = fixed.getInt();
        int version = fixed.getShort() & 0xFFFF;
        int length = fixed.getShort() & 0xFFFF;
        if (magic != MAGIC) {
            throw new RecordFormatException("segment header: not a Metergate journal segment (magic 0x" + Integer.toHexString(magic) + ")");
        }
        if (version != UplinkEncoder.FORMAT_VERSION) {
            throw new RecordFormatException("segment header: record format version " + version
                    + " is not supported (this journal reads version " + UplinkEncoder.FORMAT_VERSION + ")");
        }
        if (length < FIXED + 5) {
            throw new RecordFormatException("segment header: length " + length + " is too short");
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        readFully(ch, all, 0);
        if (all.position() < length) {
            throw new RecordFormatException("segment header: file ends inside the " + length + "-byte header");
        }
        byte[] b = all.array();
        CRC32C crc = new CRC32C();
        crc.update(b, 0, length - 4);
        int stored = ByteBuffer.wrap(b, length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new RecordFormatException("segment header: checksum mismatch");
        }
        ByteSource in = new ByteSource(b, 8, length - 12);
        long first = in.readLong("first sequence");
        long created = in.readLong("created");
        StringDictionary dict = StringDictionary.readFrom(in);
        if (in.remaining() != 0) {
            throw new RecordFormatException("segment header: " + in.remaining() + " unexpected bytes after the dictionary");
        }
        return new SegmentHeader(first, created, dict, b);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                return;
            }
        }
    }

    long firstSequence() {
        return firstSequence;
    }

    long createdMillis() {
        return createdMillis;
    }

    StringDictionary dictionary() {
        return dictionary;
    }

    int length() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
