package org.metergate.store.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A small file holding one durable number (a consumer's acknowledged sequence, the eviction count),
 * updated in place without ever being torn: two slots in different 512-byte sectors, written
 * alternately; each slot carries a generation and a CRC32C, and reading takes the valid slot with
 * the higher generation. A crash while one slot is written leaves the other one intact.
 *
 * <pre>
 * slot (at 0 and at 512): u32 magic | i64 generation | i64 value | u32 CRC32C of the 20 bytes before
 * </pre>
 */
final class SlotFile implements Closeable {

    static final int SLOT = 512;
    static final int RECORD = 24;

    private final FileChannel channel;
    private final int magic;
    private final boolean sync;
    private final ByteBuffer buf = ByteBuffer.allocate(RECORD);
    private final CRC32C crc = new CRC32C();
    private long generation;
    private volatile long value;

    private SlotFile(FileChannel channel, int magic, boolean sync, long generation, long value) {
        this.channel = channel;
        this.magic = magic;
        this.sync = sync;
        this.generation = generation;
        this.value = value;
    }

    /** Creates (or replaces) the file with {@code value}. The caller syncs the directory. */
    static SlotFile create(Path file, int magic, long value, boolean sync) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            SlotFile f = new SlotFile(ch, magic, sync, 0, value);
            ch.write(ByteBuffer.allocate(RECORD), 0); // slot 0 empty (all zero: invalid)
            f.writeSlot(1, value, SLOT); // generation 1 goes to slot 1, as write() would put it
            f.generation = 1;
            if (sync) {
                ch.force(true);
            }
            return f;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens an existing file; fails when neither slot is valid. */
    static SlotFile open(Path file, int magic, boolean sync) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            long bestGen = -1;
            long bestValue = 0;
            for (int slot = 0; slot < 2; slot++) {
                ByteBuffer b = ByteBuffer.allocate(RECORD);
                while (b.hasRemaining() && ch.read(b, (long) slot * SLOT + b.position()) >= 0) {
                    // read on until full or end of file
                }
                if (b.hasRemaining()) {
                    continue;
                }
                b.flip();
                CRC32C c = new CRC32C();
                c.update(b.array(), 0, RECORD - 4);
                int m = b.getInt();
                long gen = b.getLong();
                long val = b.getLong();
                int stored = b.getInt();
                if (m == magic && stored == (int) c.getValue() && gen > bestGen) {
                    bestGen = gen;
                    bestValue = val;
                }
            }
            if (bestGen < 0) {
                throw new IOException(file + " holds no valid slot");
            }
            return new SlotFile(ch, magic, sync, bestGen, bestValue);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    long value() {
        return value;
    }

    /** Writes the value into the older slot and syncs it (unless syncing is off). */
    synchronized void write(long newValue) throws IOException {
        long gen = generation + 1;
        writeSlot(gen, newValue, (int) (gen & 1) * SLOT);
        if (sync) {
            channel.force(false);
        }
        generation = gen;
        value = newValue;
    }

    private void writeSlot(long gen, long v, int at) throws IOException {
        buf.clear();
        buf.putInt(magic).putLong(gen).putLong(v);
        crc.reset();
        crc.update(buf.array(), 0, RECORD - 4);
        buf.putInt((int) crc.getValue());
        buf.flip();
        while (buf.hasRemaining()) {
            channel.write(buf, at + buf.position());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
