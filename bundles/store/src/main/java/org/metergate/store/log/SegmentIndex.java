package org.metergate.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sparse index of one segment, kept in a side file {@code <first sequence>.idx}: pairs of
 * (sequence, file offset), about one per index interval of data, each pointing at a record whose
 * write was already synced when the pair was written. So an entry is both a shortcut for cursors
 * that resume in the middle of a segment and a checkpoint for recovery, which scans only from the
 * last entry onwards: everything before it is known to be on disk.
 *
 * <p>The side file is never synced and never trusted: every entry is checked against the segment
 * (the frame at the offset must be valid and carry that sequence) before it is used, and a bad entry
 * only costs a scan from the start of the segment.
 */
final class SegmentIndex {

    static final int ENTRY = 16;

    private long[] seqs;
    private long[] offsets;
    private int count;
    private boolean trusted = true;
    private FileChannel out;
    private final AtomicLong diskBytes;

    private SegmentIndex(long[] seqs, long[] offsets, int count, AtomicLong diskBytes) {
        this.seqs = seqs;
        this.offsets = offsets;
        this.count = count;
        this.diskBytes = diskBytes;
    }

    static SegmentIndex empty(AtomicLong diskBytes) {
        return new SegmentIndex(new long[16], new long[16], 0, diskBytes);
    }

    /**
     * Loads the side file, keeping the entries that increase in both sequence and offset and lie
     * within {@code [minOffset, segmentSize)}; a missing file is an empty index.
     */
    static SegmentIndex load(Path file, long minOffset, long segmentSize, AtomicLong diskBytes) throws IOException {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return empty(diskBytes);
        }
        int n = b.length / ENTRY;
        long[] s = new long[Math.max(16, n)];
        long[] o = new long[Math.max(16, n)];
        int k = 0;
        ByteBuffer bb = ByteBuffer.wrap(b);
        for (int i = 0; i < n; i++) {
            long seq = bb.getLong();
            long off = bb.getLong();
            if (off < minOffset || off >= segmentSize || (k > 0 && (seq <= s[k - 1] || off <= o[k - 1]))) {
                break; // entries after a bad one are not in order either: stop here
            }
            s[k] = seq;
            o[k] = off;
            k++;
        }
        return new SegmentIndex(s, o, k, diskBytes);
    }

    /** Appends further entries to {@code file}, first cutting it to the entries kept in memory. */
    synchronized void openForAppend(Path file, boolean rewrite) throws IOException {
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long keep = (long) count * ENTRY;
        if (rewrite || out.size() != keep) {
            out.truncate(0);
            ByteBuffer bb = ByteBuffer.allocate(count * ENTRY);
            for (int i = 0; i < count; i++) {
                bb.putLong(seqs[i]).putLong(offsets[i]);
            }
            bb.flip();
            while (bb.hasRemaining()) {
                out.write(bb, bb.position());
            }
        }
    }

    /**
     * Adds an entry (the writer calls this after the data at {@code offset} is synced). A failing
     * side file only stops the file from growing: the index in memory goes on, recovery scans more.
     */
    synchronized void add(long seq, long offset) {
        if (count > 0 && (seq <= seqs[count - 1] || offset <= offsets[count - 1])) {
            return;
        }
        if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        seqs[count] = seq;
        offsets[count] = offset;
        count++;
        if (out != null) {
            try {
                ByteBuffer bb = ByteBuffer.allocate(ENTRY).putLong(seq).putLong(offset).flip();
                long at = (long) (count - 1) * ENTRY;
                while (bb.hasRemaining()) {
                    out.write(bb, at + bb.position());
                }
                diskBytes.addAndGet(ENTRY);
            } catch (IOException e) {
                closeFile();
            }
        }
    }

    /** The last entry at or before {@code seq}: {sequence, offset}, or null. */
    synchronized long[] floor(long seq) {
        if (!trusted) {
            return null;
        }
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (seqs[mid] <= seq) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : new long[] {seqs[found], offsets[found]};
    }

    /** An entry did not match the segment: stop using this index (lookups scan from the start). */
    synchronized void distrust() {
        trusted = false;
    }

    synchronized int size() {
        return count;
    }

    synchronized long[] entry(int i) {
        return new long[] {seqs[i], offsets[i]};
    }

    /** Keeps the first {@code n} entries. */
    synchronized void keep(int n) {
        count = Math.min(count, n);
    }

    synchronized void force() {
        if (out != null) {
            try {
                out.force(false);
            } catch (IOException e) {
                closeFile();
            }
        }
    }

    synchronized void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing was promised about the side file
            }
            out = null;
        }
    }

    long fileBytes() {
        return (long) size() * ENTRY;
    }
}
