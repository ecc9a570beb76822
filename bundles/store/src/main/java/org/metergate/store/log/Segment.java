package org.metergate.store.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metergate.store.codec.RecordFormatException;

/**
 * One segment file {@code <first sequence, 20 digits>.seg} and its index side file. Only the
 * writer thread writes; readers see bytes up to {@link #readableEnd}, which the writer moves only
 * after the bytes are synced, so a reader never sees data that a crash could take back.
 */
final class Segment {

    static final String SUFFIX = ".seg";
    static final String INDEX_SUFFIX = ".idx";
    static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    final long base;
    final Path file;
    final Path indexFile;
    private final AtomicLong diskBytes;
    private volatile SegmentHeader header;
    private SegmentIndex index;

    /** End of the durable bytes readers may read. */
    volatile long readableEnd;
    /** Set when retention removed the segment: readers move on to the oldest remaining one. */
    volatile boolean evicted;

    // writer thread only
    long size;
    FileChannel channel;

    Segment(Path dir, long base, SegmentHeader header, AtomicLong diskBytes) {
        this.base = base;
        this.file = dir.resolve(fileName(base));
        this.indexFile = dir.resolve(String.format("%020d", base) + INDEX_SUFFIX);
        this.header = header;
        this.diskBytes = diskBytes;
    }

    static String fileName(long base) {
        return String.format("%020d", base) + SUFFIX;
    }

    /** The first sequence a segment file name states, or -1 when it is not a segment name. */
    static long baseOf(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1; // 20 digits above Long.MAX_VALUE
        }
    }

    /** The header, read from the file the first time it is needed. */
    SegmentHeader header() throws IOException {
        SegmentHeader h = header;
        if (h == null) {
            synchronized (this) {
                h = header;
                if (h == null) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        h = SegmentHeader.read(ch);
                    } catch (RecordFormatException e) {
                        throw new IOException(file + ": " + e.getMessage(), e);
                    }
                    if (h.firstSequence() != base) {
                        throw new IOException(file + ": header says first sequence " + h.firstSequence()
                                + " but the file name says " + base);
                    }
                    header = h;
                }
            }
        }
        return h;
    }

    /** The header if it is known already (always for the segment being written). */
    SegmentHeader loadedHeader() {
        return header;
    }

    void header(SegmentHeader h) {
        this.header = h;
    }

    /** The index, loaded from the side file the first time it is needed. */
    synchronized SegmentIndex index() {
        if (index == null) {
            try {
                int minOffset = header().length();
                index = SegmentIndex.load(indexFile, minOffset, readableEnd, diskBytes);
            } catch (IOException e) {
                index = SegmentIndex.empty(diskBytes); // lookups scan from the start instead
            }
        }
        return index;
    }

    synchronized void index(SegmentIndex i) {
        this.index = i;
    }

    synchronized boolean indexLoaded() {
        return index != null;
    }
}
