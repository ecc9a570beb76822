package org.metergate.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.codec.ByteSink;
import org.metergate.store.codec.DictionaryLearner;
import org.metergate.store.codec.RecordFormatException;
import org.metergate.store.codec.StringDictionary;
import org.metergate.store.codec.UplinkEncoder;

/**
 * The journal as an append-only log of segment files, plain Java (the OSGi component only
 * configures and opens it).
 *
 * <p>Appends: the calling thread encodes its items straight into the pending buffer under the append
 * lock (so sequence numbers, the segment's string dictionary and the byte layout agree), then waits.
 * One writer thread takes the whole pending buffer, writes it with one call, syncs once and
 * releases every append it held: concurrent appenders share one {@code fdatasync} (group commit),
 * while the next appenders already fill the other buffer. Only after the sync do readers see the
 * bytes, so no consumer is ever given a record that a crash could take back.
 *
 * <p>Directory layout: {@code <20-digit first sequence>.seg} segment files and their {@code .idx}
 * side files, {@code cursors/<consumer>.cursor}, {@code journal.state} (eviction count) and
 * {@code journal.lock} (one journal per directory).
 *
 * <p>Start-up reads the names of the segments, the header and index of the last one, and scans only
 * that segment's tail after its last index entry, so it takes the same time whatever the size of the
 * journal.
 */
public final class SegmentJournal implements Journal, AutoCloseable {

    static final int STATE_MAGIC = 0x4D474A45; // "MGJE"
    static final int CURSOR_MAGIC = 0x4D474A43; // "MGJC"
    static final String LOCK_FILE = "journal.lock";
    static final String STATE_FILE = "journal.state";
    static final String CURSOR_DIR = "cursors";
    static final String TMP_SUFFIX = ".tmp";
    private static final int SCAN_BUFFER = 256 * 1024;
    private static final int INDEX_TRIES = 16;

    private final JournalOptions opt;
    private final Path dir;
    private final Path cursorDir;
    private final boolean sync;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final AtomicLong diskBytes = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    /** The writer waits here for pending appends. */
    private final Condition work = lock.newCondition();
    /** Appenders wait here while the pending buffer is full. */
    private final Condition space = lock.newCondition();
    /** Appenders wait here for their records to be synced, readers for new data. */
    private final Condition progress = lock.newCondition();

    // appender state, guarded by lock (nextSeq is volatile only so that status() can read it)
    private volatile long nextSeq;
    private Pending fill = new Pending();
    private Pending spare = new Pending();
    private SegmentHeader logicalHeader;
    private long logicalBytes;
    private long logicalSinceIndex;
    private boolean logicalHasFrames;
    private UplinkEncoder encoder;
    private final DictionaryLearner learner = new DictionaryLearner();
    private final CRC32C crc = new CRC32C();
    private boolean closing;
    private volatile boolean closed;
    private volatile Throwable broken;
    /** Every record with a sequence up to this one is durable and readable (published after the bytes). */
    private volatile long durableSeq;
    /**
     * The highest sequence readers may already see: set just before a synced write's bytes become
     * readable, so it can run ahead of {@link #durableSeq} for a moment (never the other way round,
     * which would let a reader that finds no more bytes skip records).
     */
    private volatile long readableSeq;

    // writer thread state
    private Segment active;
    private long lastRunSeq = -1;
    private long lastRunOffset = -1;
    private long nextRetentionCheck;
    private final Thread writer;

    private final ConcurrentHashMap<String, LogCursor> cursors = new ConcurrentHashMap<>();
    private final Object cursorCreation = new Object();
    private final SlotFile state;
    private final AtomicLong evicted = new AtomicLong();

    private final LongAdder appendCalls = new LongAdder();
    private final LongAdder appendedItems = new LongAdder();
    private final LongAdder syncs = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final RecoveryReport recovery;

    /** Fault injection for tests (disk full, failing sync); null in production. */
    interface Faults {
        void beforeCreate(Path segment) throws IOException;

        void beforeWrite(Path segment) throws IOException;

        void beforeSync(Path segment) throws IOException;
    }

    volatile Faults faults;

    private SegmentJournal(JournalOptions opt) throws IOException, JournalException {
        this.opt = opt;
        this.dir = opt.directory().toAbsolutePath().normalize();
        this.cursorDir = dir.resolve(CURSOR_DIR);
        this.sync = opt.durability().syncs();
        Files.createDirectories(cursorDir);
        this.lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new JournalException("journal directory " + dir + " is already open in another journal (this or another process)");
        }
        this.fileLock = l;
        boolean ok = false;
        try {
            long t0 = System.nanoTime();
            this.state = openState();
            long maxAcked = loadCursors();
            this.recovery = recover(t0, maxAcked);
            ok = true;
        } finally {
            if (!ok) {
                releaseQuietly();
            }
        }
        this.nextRetentionCheck = System.nanoTime();
        this.writer = new Thread(this::writerLoop, "metergate-journal-writer " + dir.getFileName());
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (creating if needed) and recovers the journal in {@code options.directory()}. */
    public static SegmentJournal open(JournalOptions options) throws JournalException {
        try {
            return new SegmentJournal(options);
        } catch (IOException e) {
            throw new JournalException("cannot open the journal in " + options.directory() + ": " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // recovery

    private SlotFile openState() throws IOException {
        Path f = dir.resolve(STATE_FILE);
        if (Files.exists(f)) {
            try {
                SlotFile s = SlotFile.open(f, STATE_MAGIC, sync);
                evicted.set(s.value());
                return s;
            } catch (IOException e) {
                opt.notices().accept("journal state file " + f + " was unreadable (" + e.getMessage() + "): eviction count restarts at 0");
            }
        }
        SlotFile s = SlotFile.create(f, STATE_MAGIC, 0, sync);
        syncDirectory(dir);
        return s;
    }

    /** Loads every consumer's cursor; returns the highest acknowledged sequence (-1 when none). */
    private long loadCursors() throws IOException {
        long max = -1;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cursorDir, "*" + ConsumerNames.SUFFIX)) {
            for (Path p : ds) {
                String id = ConsumerNames.idOf(p.getFileName().toString());
                if (id == null) {
                    continue;
                }
                SlotFile f;
                try {
                    f = SlotFile.open(p, CURSOR_MAGIC, sync);
                } catch (IOException e) {
                    opt.notices().accept("cursor file " + p + " was unreadable (" + e.getMessage()
                            + "): consumer " + id + " starts again at the oldest entry");
                    f = SlotFile.create(p, CURSOR_MAGIC, -1, sync);
                }
                cursors.put(id, new LogCursor(this, id, f));
                max = Math.max(max, f.value());
            }
        }
        return max;
    }

    private RecoveryReport recover(long t0, long maxAcked) throws IOException, JournalException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.endsWith(Segment.SUFFIX + TMP_SUFFIX)) {
                    Files.deleteIfExists(p); // a segment whose creation did not finish: it never held records
                    continue;
                }
                long base = Segment.baseOf(name);
                if (base >= 0) {
                    found.put(base, p);
                }
            }
        }
        long scanned = 0;
        long truncated = 0;
        long next;
        if (found.isEmpty()) {
            next = Math.max(0, maxAcked + 1);
            if (maxAcked >= 0) {
                opt.notices().accept("journal " + dir + " holds no segments but consumers acknowledged up to " + maxAcked
                        + "; new entries continue after it");
            }
            SegmentHeader h = SegmentHeader.create(next, opt.clock().millis(), StringDictionary.seed());
            active = createSegment(h);
            logicalHasFrames = false;
        } else {
            Long last = found.lastKey();
            for (Map.Entry<Long, Path> e : found.entrySet()) {
                if (e.getKey().equals(last)) {
                    break;
                }
                Segment s = new Segment(dir, e.getKey(), null, diskBytes);
                s.size = Files.size(e.getValue());
                s.readableEnd = s.size;
                diskBytes.addAndGet(s.size + sizeOrZero(s.indexFile));
                segments.put(s.base, s);
            }
            Segment s = new Segment(dir, last, null, diskBytes);
            long[] result = recoverLast(s);
            next = result[0];
            scanned = result[1];
            truncated = result[2];
            segments.put(s.base, s);
            active = s;
            logicalHasFrames = s.size > s.header().length();
            if (maxAcked + 1 > next) {
                opt.notices().accept("journal " + dir + ": consumers acknowledged up to " + maxAcked
                        + " but the journal ends before " + next + "; new entries continue after " + maxAcked);
                next = maxAcked + 1;
            }
        }
        nextSeq = next;
        durableSeq = next - 1;
        readableSeq = next - 1;
        logicalHeader = active.header();
        logicalBytes = active.size;
        encoder = new UplinkEncoder(logicalHeader.dictionary(), learner);
        RecoveryReport r = new RecoveryReport(segments.size(), active.file.getFileName().toString(), scanned, truncated,
                next, Duration.ofNanos(System.nanoTime() - t0));
        if (truncated > 0) {
            opt.notices().accept("journal " + dir + ": cut " + truncated + " bytes of records that were never acknowledged"
                    + " (a write interrupted by a crash) from the end of " + active.file.getFileName());
        }
        return r;
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Recovers the last segment: finds the last index entry that matches the data, scans from there
     * and cuts the file after the last complete append. Returns {next sequence, bytes scanned, bytes cut}.
     */
    private long[] recoverLast(Segment s) throws IOException, JournalException {
        FileChannel ch = FileChannel.open(s.file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        boolean ok = false;
        try {
            SegmentHeader h;
            try {
                h = SegmentHeader.read(ch);
            } catch (RecordFormatException e) {
                throw new JournalException("journal segment " + s.file + " is damaged (" + e.getMessage()
                        + "); move it out of the directory to start without its records");
            }
            if (h.firstSequence() != s.base) {
                throw new JournalException("journal segment " + s.file + " is damaged: its header says first sequence "
                        + h.firstSequence() + "; move it out of the directory to start without its records");
            }
            long fileSize = ch.size();
            SegmentIndex idx = SegmentIndex.load(s.indexFile, h.length(), fileSize, diskBytes);
            FrameReader fr = new FrameReader(64 * 1024, Frames.MAX_PAYLOAD);
            long startOff = h.length();
            long startSeq = h.firstSequence();
            int keep = 0;
            for (int i = idx.size() - 1, tries = 0; i >= 0 && tries < INDEX_TRIES; i--, tries++) {
                long[] e = idx.entry(i);
                fr.position(ch, e[1], fileSize);
                if (fr.next() == FrameReader.Status.FRAME && fr.seq() == e[0]) {
                    startOff = e[1];
                    startSeq = e[0];
                    keep = i + 1;
                    break;
                }
            }
            idx.keep(keep);
            FrameReader scan = new FrameReader(SCAN_BUFFER, Frames.MAX_PAYLOAD);
            scan.position(ch, startOff, fileSize);
            long goodEnd = startOff;
            long goodSeq = startSeq - 1;
            long prev = startSeq - 1;
            while (scan.next() == FrameReader.Status.FRAME && scan.seq() > prev) {
                prev = scan.seq();
                if (scan.batchEnd()) {
                    goodEnd = scan.offset();
                    goodSeq = scan.seq();
                }
            }
            long cut = fileSize - goodEnd;
            if (cut > 0) {
                ch.truncate(goodEnd);
                if (sync) {
                    ch.force(false);
                }
            }
            s.header(h);
            s.channel = ch;
            s.size = goodEnd;
            s.readableEnd = goodEnd;
            try {
                idx.openForAppend(s.indexFile, true);
            } catch (IOException e) {
                opt.notices().accept("index side file " + s.indexFile + " cannot be written (" + e.getMessage()
                        + "): the segment works without it, recovery scans more");
            }
            s.index(idx);
            diskBytes.addAndGet(goodEnd + idx.fileBytes());
            ok = true;
            return new long[] {goodSeq + 1, fileSize - startOff, cut};
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    /** Creates a segment file durably: temporary name, header, sync, rename, sync the directory. */
    private Segment createSegment(SegmentHeader h) throws IOException {
        Segment s = new Segment(dir, h.firstSequence(), h, diskBytes);
        Faults f = faults;
        if (f != null) {
            f.beforeCreate(s.file);
        }
        Path tmp = dir.resolve(s.file.getFileName() + TMP_SUFFIX);
        byte[] hb = h.bytes();
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            writeFully(c, ByteBuffer.wrap(hb), 0);
            if (sync) {
                c.force(true);
            }
        }
        if (Files.exists(s.file)) {
            // a leftover of an earlier attempt of ours that failed after the rename holds no records and
            // may go; anything bigger is not ours to overwrite
            if (Files.size(s.file) > hb.length) {
                Files.deleteIfExists(tmp);
                throw new IOException("segment " + s.file + " exists already and holds records");
            }
            Files.delete(s.file);
        }
        Files.move(tmp, s.file, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        s.channel = FileChannel.open(s.file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        s.size = hb.length;
        s.readableEnd = hb.length;
        SegmentIndex idx = SegmentIndex.empty(diskBytes);
        try {
            idx.openForAppend(s.indexFile, true);
        } catch (IOException e) {
            opt.notices().accept("index side file " + s.indexFile + " cannot be written (" + e.getMessage()
                    + "): the segment works without it, recovery scans more");
        }
        s.index(idx);
        diskBytes.addAndGet(hb.length);
        segments.put(s.base, s);
        return s;
    }

    private void syncDirectory(Path d) {
        if (!sync) {
            return;
        }
        try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for sync; Linux, where it matters, can
        }
    }

    private static void writeFully(FileChannel c, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            p += c.write(b, p);
        }
    }

    // ------------------------------------------------------------------------------------------
    // appending

    @Override
    public List<UplinkEntry> append(List<? extends Uplink> items) throws JournalException {
        if (items == null) {
            throw new JournalException("append: the list of items is null");
        }
        int n = items.size();
        if (n == 0) {
            return List.of();
        }
        Uplink[] copy = new Uplink[n];
        for (int i = 0; i < n; i++) {
            copy[i] = items.get(i);
            if (copy[i] == null) {
                throw new JournalException("append: item " + i + " of " + n + " is null");
            }
        }
        long first;
        Ticket t = new Ticket();
        lock.lock();
        try {
            checkAppendable();
            while (fill.bytes() >= opt.maxPendingBytes() && !closing && broken == null) {
                space.awaitUninterruptibly();
            }
            checkAppendable();
            first = enqueue(copy, t);
            work.signal();
            while (!t.done) {
                progress.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (t.failure != null) {
            throw new JournalException(t.failure.getMessage(), t.failure);
        }
        appendCalls.increment();
        appendedItems.add(n);
        UplinkEntry[] out = new UplinkEntry[n];
        for (int i = 0; i < n; i++) {
            out[i] = new UplinkEntry(first + i, copy[i]);
        }
        return Arrays.asList(out);
    }

    private void checkAppendable() throws JournalException {
        if (closing) {
            throw new JournalException("the journal in " + dir + " is closed");
        }
        Throwable b = broken;
        if (b != null) {
            throw new JournalException("the journal in " + dir + " stopped after an I/O error and accepts nothing until"
                    + " it is reopened: " + b, b);
        }
    }

    /** Encodes a batch into the pending buffer; the caller holds the lock. Returns its first sequence. */
    private long enqueue(Uplink[] items, Ticket t) throws JournalException {
        maybeRoll();
        ByteSink sink = fill.sink;
        int batchStart = sink.position();
        int hintsBefore = fill.hintCount;
        long sinceIndexBefore = logicalSinceIndex;
        long first = nextSeq;
        long seq = first;
        try {
            for (int i = 0; i < items.length; i++, seq++) {
                int fs = sink.position();
                if (logicalSinceIndex >= opt.indexIntervalBytes()) { // an index entry here once it is synced
                    fill.addHint(seq, fs);
                    logicalSinceIndex = 0;
                }
                sink.writeLong(0); // length and checksum, patched below
                sink.writeLong(seq);
                sink.writeByte(Frames.kind(UplinkEncoder.typeOf(items[i]), i == items.length - 1));
                encoder.encode(items[i], sink);
                int len = sink.position() - fs - Frames.HEADER;
                if (len > opt.maxRecordBytes()) {
                    throw new JournalException("append: item " + i + " encodes to " + len + " bytes, more than the "
                            + opt.maxRecordBytes() + " a record may have");
                }
                sink.putInt(fs, len);
                crc.reset();
                crc.update(sink.array(), fs + Frames.HEADER, len);
                sink.putInt(fs + 4, (int) crc.getValue());
                logicalSinceIndex += Frames.HEADER + len;
            }
        } catch (JournalException e) {
            sink.position(batchStart);
            fill.hintCount = hintsBefore;
            logicalSinceIndex = sinceIndexBefore;
            throw e;
        } catch (RuntimeException e) {
            sink.position(batchStart);
            fill.hintCount = hintsBefore;
            logicalSinceIndex = sinceIndexBefore;
            throw new JournalException("append: an item cannot be encoded: " + e, e);
        }
        nextSeq = seq;
        logicalBytes += sink.position() - batchStart;
        logicalHasFrames = true;
        fill.add(batchStart, sink.position(), first, seq - 1, t, logicalHeader);
        return first;
    }

    /** Starts a new segment (in the pending data; the writer creates its file) when this one is full or old. */
    private void maybeRoll() {
        if (!logicalHasFrames) {
            return;
        }
        long now = opt.clock().millis();
        boolean full = logicalBytes >= opt.segmentBytes();
        Duration maxAge = opt.segmentMaxAge();
        boolean old = maxAge != null && now - logicalHeader.createdMillis() >= maxAge.toMillis();
        if (full || old) {
            StringDictionary d = learner.build(encoder.dictionary());
            learner.reset();
            logicalHeader = SegmentHeader.create(nextSeq, now, d);
            logicalBytes = logicalHeader.length();
            logicalSinceIndex = 0;
            logicalHasFrames = false;
            encoder = new UplinkEncoder(d, learner);
        }
    }

    /** Appends an event of the journal itself without waiting for it (the writer thread calls this). */
    private void appendInternal(MeterEvent event) {
        lock.lock();
        try {
            if (broken == null) {
                enqueue(new Uplink[] {event}, new Ticket());
                work.signal();
            }
        } catch (JournalException e) {
            opt.notices().accept("journal event could not be recorded: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------
    // the writer thread

    private void writerLoop() {
        lock.lock();
        try {
            while (true) {
                if (fill.isEmpty()) {
                    if (closing) {
                        break;
                    }
                    long wait = nextRetentionCheck - System.nanoTime();
                    if (wait > 0) {
                        try {
                            work.awaitNanos(wait);
                        } catch (InterruptedException e) {
                            // nobody interrupts this thread on purpose; keep serving appends
                        }
                    }
                    if (fill.isEmpty() && System.nanoTime() - nextRetentionCheck >= 0) {
                        lock.unlock();
                        try {
                            retentionSafely();
                        } finally {
                            lock.lock();
                        }
                    }
                    continue;
                }
                long maxWait = opt.groupCommitMaxWait().toNanos();
                if (maxWait > 0 && opt.durability() == Durability.GROUP_COMMIT) {
                    long deadline = System.nanoTime() + maxWait;
                    while (fill.bytes() < opt.groupCommitMaxBytes() && !closing) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        try {
                            work.awaitNanos(left);
                        } catch (InterruptedException e) {
                            break;
                        }
                    }
                }
                Pending p = fill;
                fill = spare;
                spare = null;
                space.signalAll();
                lock.unlock();
                Throwable failure = null;
                try {
                    write(p);
                } catch (Throwable e) { // a bug or an Error: stop, but never leave an appender waiting
                    failure = e;
                } finally {
                    lock.lock();
                }
                if (failure != null) {
                    broken = failure;
                    failAll(p, failure);
                    failAll(fill, failure);
                    progress.signalAll();
                }
                p.clear();
                spare = p;
                if (failure == null && opt.retentionMaxBytes() > 0 && diskBytes.get() > opt.retentionMaxBytes()) {
                    lock.unlock();
                    try {
                        retentionSafely();
                    } finally {
                        lock.lock();
                    }
                }
            }
        } catch (Throwable e) {
            broken = e;
            failAll(fill, e);
        } finally {
            finishWriting();
            progress.signalAll();
            space.signalAll();
            lock.unlock();
        }
    }

    /** Writes a pending buffer: one write and one sync per run of batches in the same segment. */
    private void write(Pending p) {
        int i = 0;
        int hint = 0;
        while (i < p.count) {
            Throwable b = broken;
            if (b != null) {
                complete(p, i, p.count, new JournalException("the journal stopped after an I/O error: " + b, b));
                return;
            }
            SegmentHeader h = p.headers[i];
            int j = i + 1;
            if (opt.durability() != Durability.FSYNC_EACH_APPEND) {
                while (j < p.count && p.headers[j] == h) {
                    j++;
                }
            }
            if (active.loadedHeader() != h) { // the batch starts (or belongs to) a new segment
                try {
                    roll(h);
                } catch (IOException e) {
                    int k = j;
                    while (k < p.count && p.headers[k] == h) {
                        k++;
                    }
                    complete(p, i, k, new JournalException("cannot start journal segment " + Segment.fileName(h.firstSequence())
                            + " in " + dir + ": " + e, e));
                    i = k;
                    continue;
                }
            }
            int from = p.starts[i];
            int to = p.ends[j - 1];
            long pos = active.size;
            try {
                Faults f = faults;
                if (f != null) {
                    f.beforeWrite(active.file);
                }
                writeFully(active.channel, ByteBuffer.wrap(p.sink.array(), from, to - from), pos);
            } catch (IOException e) {
                try {
                    active.channel.truncate(pos); // take back what part of the write reached the file
                    if (sync) {
                        active.channel.force(false);
                    }
                } catch (IOException e2) {
                    e.addSuppressed(e2);
                    broken = e;
                }
                complete(p, i, j, new JournalException("cannot write to " + active.file + ": " + e, e));
                i = j;
                continue;
            }
            if (sync) {
                try {
                    Faults f = faults;
                    if (f != null) {
                        f.beforeSync(active.file);
                    }
                    active.channel.force(false);
                    syncs.increment();
                } catch (IOException e) {
                    // after a failed fsync nobody knows what is on disk: stop rather than pretend
                    broken = e;
                    complete(p, i, p.count, new JournalException("cannot sync " + active.file + ": " + e, e));
                    return;
                }
            }
            int len = to - from;
            active.size = pos + len;
            readableSeq = p.lastSeqs[j - 1];
            active.readableEnd = active.size;
            diskBytes.addAndGet(len);
            bytesWritten.add(len);
            lastRunSeq = p.firstSeqs[j - 1];
            lastRunOffset = pos + p.starts[j - 1] - from;
            while (hint < p.hintCount && p.hintOffsets[hint] < to) {
                if (p.hintOffsets[hint] >= from) { // synced now: a valid place to start reading or recovering
                    active.index().add(p.hintSeqs[hint], pos + p.hintOffsets[hint] - from);
                }
                hint++;
            }
            complete(p, i, j, null);
            i = j;
        }
    }

    private void roll(SegmentHeader h) throws IOException {
        Segment old = active;
        Segment s = createSegment(h);
        active = s;
        lastRunSeq = -1;
        if (old != null) {
            old.index().force();
            old.index().closeFile();
            try {
                old.channel.close();
            } catch (IOException ignored) {
                // the data was synced before; closing a read-write channel cannot lose it
            }
            old.channel = null;
        }
    }

    /** Marks batches {@code [from, to)} done (or failed) and wakes their appenders. */
    private void complete(Pending p, int from, int to, JournalException failure) {
        lock.lock();
        try {
            for (int k = from; k < to; k++) {
                p.tickets[k].failure = failure;
                p.tickets[k].done = true;
            }
            if (failure == null && to > from) {
                durableSeq = p.lastSeqs[to - 1];
            }
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Fails the batches of {@code p} that are not done yet; the caller holds the lock. */
    private void failAll(Pending p, Throwable e) {
        if (p == null) {
            return;
        }
        JournalException f = new JournalException("the journal stopped: " + e, e);
        for (int k = 0; k < p.count; k++) {
            if (!p.tickets[k].done) {
                p.tickets[k].failure = f;
                p.tickets[k].done = true;
            }
        }
        p.clear();
    }

    /** On the way out: an index entry at the last write so the next start scans almost nothing. */
    private void finishWriting() {
        Segment s = active;
        if (s != null && s.channel != null) {
            if (lastRunSeq >= 0 && broken == null) {
                s.index().add(lastRunSeq, lastRunOffset);
            }
            s.index().force();
            s.index().closeFile();
            try {
                s.channel.close();
            } catch (IOException ignored) {
                // synced already
            }
            s.channel = null;
        }
    }

    // ------------------------------------------------------------------------------------------
    // retention

    private void retentionSafely() {
        try {
            retention();
        } catch (RuntimeException e) {
            opt.notices().accept("journal retention failed and is tried again later: " + e);
        }
    }

    /** Evicts the oldest closed segments beyond the size or age limit (writer thread). */
    private void retention() {
        nextRetentionCheck = System.nanoTime() + opt.retentionCheckInterval().toNanos();
        long now = opt.clock().millis();
        Duration maxAge = opt.retentionMaxAge();
        long total = diskBytes.get();
        List<Segment> victims = new ArrayList<>();
        boolean bySize = false;
        boolean byAge = false;
        for (Segment s : segments.values()) {
            Map.Entry<Long, Segment> next = segments.higherEntry(s.base);
            if (next == null || s == active) {
                break; // never the segment being written
            }
            long bytes = s.size + sizeOrZero(s.indexFile);
            boolean overSize = opt.retentionMaxBytes() > 0 && total > opt.retentionMaxBytes();
            boolean overAge = false;
            if (maxAge != null) {
                try {
                    // a closed segment's newest record is no newer than the next segment's creation
                    overAge = next.getValue().header().createdMillis() <= now - maxAge.toMillis();
                } catch (IOException e) {
                    overAge = false;
                }
            }
            if (!overSize && !overAge) {
                break;
            }
            bySize |= overSize;
            byAge |= overAge;
            victims.add(s);
            total -= bytes;
        }
        if (victims.isEmpty()) {
            return;
        }
        long from = victims.get(0).base;
        long to = segments.higherKey(victims.get(victims.size() - 1).base) - 1;
        long bytes = 0;
        long[] each = new long[victims.size()];
        for (int i = 0; i < victims.size(); i++) {
            each[i] = victims.get(i).size + sizeOrZero(victims.get(i).indexFile);
            bytes += each[i];
        }
        StringBuilder who = new StringBuilder();
        long worst = 0;
        for (LogCursor c : new TreeMap<>(cursors).values()) {
            long acked = c.acknowledged();
            long lost = Math.max(0, to - Math.max(from, acked + 1) + 1);
            if (lost > 0) {
                who.append(who.length() == 0 ? "" : ", ").append(c.consumerId()).append(' ').append(lost)
                        .append(lost == 1 ? " entry" : " entries")
                        .append(acked < 0 ? " (none acknowledged)" : " (acknowledged up to " + acked + ")");
                worst = Math.max(worst, lost);
            }
        }
        for (int i = 0; i < victims.size(); i++) {
            Segment s = victims.get(i);
            segments.remove(s.base);
            s.evicted = true;
            try {
                Files.deleteIfExists(s.file);
                Files.deleteIfExists(s.indexFile);
            } catch (IOException e) {
                opt.notices().accept("retention could not delete " + s.file + ": " + e.getMessage());
            }
            diskBytes.addAndGet(-each[i]);
        }
        syncDirectory(dir);
        String reason = (bySize ? "size limit " + mib(opt.retentionMaxBytes()) : "")
                + (bySize && byAge ? " and " : "") + (byAge ? "age limit " + maxAge : "");
        String what = "retention (" + reason + ") evicted sequences " + from + ".." + to + " (" + victims.size()
                + (victims.size() == 1 ? " segment, " : " segments, ") + mib(bytes) + ")";
        if (worst > 0) {
            long total2 = evicted.addAndGet(worst);
            try {
                state.write(total2);
            } catch (IOException e) {
                opt.notices().accept("journal state file cannot be written: " + e.getMessage());
            }
            String detail = what + "; not yet acknowledged: " + who;
            appendInternal(new MeterEvent(EventType.DATA_EVICTED, null, "", Instant.ofEpochMilli(now), detail));
            opt.notices().accept(detail);
        }
    }

    static String mib(long bytes) {
        if (bytes < JournalOptions.KIB) {
            return bytes + " B";
        }
        if (bytes < JournalOptions.MIB) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / (double) JournalOptions.KIB);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) JournalOptions.MIB);
    }

    // ------------------------------------------------------------------------------------------
    // cursors and reading support

    @Override
    public JournalCursor cursor(String consumerId) throws JournalException {
        checkOpen();
        String file = ConsumerNames.fileName(consumerId);
        if (file == null) {
            throw new JournalException("consumer id must have 1.." + ConsumerNames.MAX_ID_LENGTH + " characters: "
                    + (consumerId == null ? "null" : "'" + consumerId + "'"));
        }
        LogCursor c = cursors.get(consumerId);
        if (c != null) {
            return c;
        }
        synchronized (cursorCreation) {
            c = cursors.get(consumerId);
            if (c == null) {
                try {
                    SlotFile f = SlotFile.create(cursorDir.resolve(file), CURSOR_MAGIC, -1, sync);
                    syncDirectory(cursorDir);
                    c = new LogCursor(this, consumerId, f);
                } catch (IOException e) {
                    throw new JournalException("cannot create the cursor of consumer " + consumerId + " in " + cursorDir + ": " + e, e);
                }
                cursors.put(consumerId, c);
            }
            return c;
        }
    }

    /** The consumers that have a cursor, in name order. */
    public List<String> consumers() {
        List<String> ids = new ArrayList<>(cursors.keySet());
        Collections.sort(ids);
        return ids;
    }

    /**
     * Forgets a consumer (deletes its cursor), so retention no longer reports its unread data.
     * Returns false when there was no such consumer.
     */
    public boolean removeCursor(String consumerId) throws JournalException {
        checkOpen();
        synchronized (cursorCreation) {
            LogCursor c = cursors.remove(consumerId);
            if (c == null) {
                return false;
            }
            c.close();
            try {
                Files.deleteIfExists(cursorDir.resolve(ConsumerNames.fileName(consumerId)));
                syncDirectory(cursorDir);
            } catch (IOException e) {
                throw new JournalException("cannot delete the cursor of " + consumerId + ": " + e, e);
            }
            return true;
        }
    }

    void checkOpen() throws JournalException {
        if (closing) {
            throw new JournalException("the journal in " + dir + " is closed");
        }
    }

    long durableSequence() {
        return durableSeq;
    }

    long readableSequence() {
        return readableSeq;
    }

    Map.Entry<Long, Segment> segmentFor(long seq) {
        Map.Entry<Long, Segment> e = segments.floorEntry(seq);
        return e != null ? e : segments.firstEntry();
    }

    Segment segmentAfter(Segment s) {
        Map.Entry<Long, Segment> e = segments.higherEntry(s.base);
        return e == null ? null : e.getValue();
    }

    /** Waits until a record with a sequence of at least {@code seq} is durable, or the time is up, or closing. */
    void awaitDurable(long seq, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (durableSeq < seq && !closing && left > 0) {
                left = progress.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------
    // status and life cycle

    @Override
    public JournalStatus status() {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        long next = nextSeq;
        return new JournalStatus(first == null ? next : Math.min(first.getKey(), next), next, diskBytes.get(), evicted.get());
    }

    /** What the last open found and did. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** Counters since open: appends, items, fsyncs of segment data, bytes written. */
    public JournalStats stats() {
        return new JournalStats(appendCalls.sum(), appendedItems.sum(), syncs.sum(), bytesWritten.sum(), segments.size());
    }

    public Path directory() {
        return dir;
    }

    public JournalOptions options() {
        return opt;
    }

    /**
     * Finishes the pending appends, writes the index entry that makes the next start fast and
     * releases the directory. Cursors fail afterwards.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            work.signalAll();
            space.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        closed = true;
        for (LogCursor c : cursors.values()) {
            c.close();
        }
        releaseQuietly();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void releaseQuietly() {
        try {
            if (state != null) {
                state.close();
            }
        } catch (IOException ignored) {
            // closing a synced file
        }
        for (Segment s : segments.values()) {
            if (s.channel != null) {
                try {
                    s.channel.close();
                } catch (IOException ignored) {
                    // synced already
                }
            }
        }
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
    }

    @Override
    public String toString() {
        return "SegmentJournal[" + dir + ", " + status() + "]";
    }

    // ------------------------------------------------------------------------------------------

    /** An append waiting for the disk; guarded by the lock. */
    static final class Ticket {
        boolean done;
        JournalException failure;
    }

    /** Encoded batches waiting for the writer: the bytes, and per batch where it lies and whom to wake. */
    static final class Pending {
        final ByteSink sink = new ByteSink(64 * 1024);
        int count;
        int[] starts = new int[64];
        int[] ends = new int[64];
        long[] firstSeqs = new long[64];
        long[] lastSeqs = new long[64];
        Ticket[] tickets = new Ticket[64];
        SegmentHeader[] headers = new SegmentHeader[64];
        /** Records (sequence, buffer offset) that should get an index entry once written. */
        int hintCount;
        long[] hintSeqs = new long[16];
        int[] hintOffsets = new int[16];

        void addHint(long seq, int offset) {
            if (hintCount == hintSeqs.length) {
                hintSeqs = Arrays.copyOf(hintSeqs, hintCount * 2);
                hintOffsets = Arrays.copyOf(hintOffsets, hintCount * 2);
            }
            hintSeqs[hintCount] = seq;
            hintOffsets[hintCount] = offset;
            hintCount++;
        }

        void add(int start, int end, long first, long last, Ticket t, SegmentHeader h) {
            if (count == starts.length) {
                int n = count * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                firstSeqs = Arrays.copyOf(firstSeqs, n);
                lastSeqs = Arrays.copyOf(lastSeqs, n);
                tickets = Arrays.copyOf(tickets, n);
                headers = Arrays.copyOf(headers, n);
            }
            starts[count] = start;
            ends[count] = end;
            firstSeqs[count] = first;
            lastSeqs[count] = last;
            tickets[count] = t;
            headers[count] = h;
            count++;
        }

        boolean isEmpty() {
            return count == 0;
        }

        int bytes() {
            return sink.position();
        }

        void clear() {
            sink.reset();
            sink.trimTo(1024 * 1024); // a burst may grow the buffer; do not keep it grown
            Arrays.fill(tickets, 0, count, null);
            Arrays.fill(headers, 0, count, null);
            count = 0;
            hintCount = 0;
        }
    }
}
