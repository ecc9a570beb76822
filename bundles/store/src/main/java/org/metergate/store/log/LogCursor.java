package org.metergate.store.log;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.codec.ByteSource;
import org.metergate.store.codec.RecordFormatException;
import org.metergate.store.codec.StringDictionary;
import org.metergate.store.codec.UplinkDecoder;

/**
 * One consumer's cursor. The read position lives in memory; the acknowledged sequence lives in a
 * {@link SlotFile} and is synced before {@link #acknowledge} returns. Each cursor reads the segment
 * files through its own channel, so an interrupt of one consumer's thread (which closes the channel
 * it was reading) never disturbs the writer or another consumer.
 */
final class LogCursor implements JournalCursor {

    private static final long MAX_WAIT_NANOS = Long.MAX_VALUE / 4;

    private final SegmentJournal journal;
    private final String id;
    private final SlotFile file;
    private volatile long acked;
    private volatile boolean closed;
    private final Object ackLock = new Object();

    private final ReentrantLock position = new ReentrantLock();
    // guarded by position
    private final FrameReader reader;
    private final UplinkDecoder decoder = new UplinkDecoder(StringDictionary.EMPTY);
    private final ByteSource body = new ByteSource();
    private long nextSeq;
    private Segment seg;
    private long offset;
    /** When not -1, the frame at {@code offset} came from the index and must carry this sequence. */
    private long verifySeq = -1;
    private FileChannel channel;

    LogCursor(SegmentJournal journal, String id, SlotFile file) {
        this.journal = journal;
        this.id = id;
        this.file = file;
        this.acked = file.value();
        this.nextSeq = acked + 1;
        this.reader = new FrameReader(64 * 1024, Frames.MAX_PAYLOAD);
    }

    @Override
    public String consumerId() {
        return id;
    }

    @Override
    public List<UplinkEntry> read(int max, Duration wait) throws InterruptedException, JournalException {
        if (max <= 0) {
            throw new JournalException("cursor " + id + ": read needs a positive maximum, not " + max);
        }
        long waitNanos = wait == null || wait.isNegative() ? 0
                : wait.compareTo(Duration.ofNanos(MAX_WAIT_NANOS)) > 0 ? MAX_WAIT_NANOS : wait.toNanos();
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            checkOpen();
            List<UplinkEntry> got;
            long want;
            position.lockInterruptibly();
            try {
                got = readAvailable(max);
                want = nextSeq;
            } finally {
                position.unlock();
            }
            if (!got.isEmpty()) {
                return got;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            journal.awaitDurable(want, left);
        }
    }

    private List<UplinkEntry> readAvailable(int max) throws JournalException, InterruptedException {
        long durable = journal.durableSequence();
        if (nextSeq > durable) {
            return List.of();
        }
        List<UplinkEntry> out = new ArrayList<>(Math.min(max, 1024));
        boolean atEnd = false;
        try {
            if (seg == null || seg.evicted) {
                locate(nextSeq);
            }
            while (out.size() < max) {
                Segment next = journal.segmentAfter(seg);
                long limit = seg.readableEnd; // read after 'next': a segment with a successor is complete
                if (offset >= limit) {
                    if (next == null) {
                        atEnd = true;
                        break;
                    }
                    enter(next, null);
                    continue;
                }
                reader.position(channel, offset, limit);
                FrameReader.Status st = reader.next();
                if (st != FrameReader.Status.FRAME || (verifySeq >= 0 && reader.seq() != verifySeq)) {
                    if (verifySeq >= 0) { // the index entry did not match: scan this segment from its start
                        seg.index().distrust();
                        offset = seg.header().length();
                        verifySeq = -1;
                        continue;
                    }
                    throw new JournalException("cursor " + id + ": the journal is damaged in " + seg.file + " at offset "
                            + offset + " (" + (st == FrameReader.Status.FRAME ? "sequence out of order" : reader.problem()) + ")");
                }
                verifySeq = -1;
                offset = reader.offset();
                long s = reader.seq();
                if (s < nextSeq) {
                    continue;
                }
                body.reset(reader.buffer(), reader.bodyOffset(), reader.bodyLength());
                Uplink item;
                try {
                    item = decoder.decode(reader.type(), body);
                } catch (RecordFormatException e) {
                    throw new JournalException("cursor " + id + ": journal entry " + s + " in " + seg.file + " at offset "
                            + reader.frameOffset() + " cannot be read: " + e.getMessage(), e);
                }
                out.add(new UplinkEntry(s, item));
                nextSeq = s + 1;
            }
        } catch (ClosedByInterruptException e) {
            forgetChannel();
            Thread.interrupted();
            throw new InterruptedException("interrupted while cursor " + id + " was reading the journal");
        } catch (NoSuchFileException e) {
            forgetChannel(); // retention removed the segment meanwhile: find the oldest one next time
            seg = null;
            return out;
        } catch (ClosedChannelException e) {
            forgetChannel();
            seg = null;
            checkOpen();
            throw new JournalException("cursor " + id + ": reading was cut short: " + e, e);
        } catch (IOException e) {
            forgetChannel();
            seg = null;
            throw new JournalException("cursor " + id + ": cannot read the journal: " + e, e);
        }
        if (atEnd) {
            // every record up to 'durable' was visible and has been passed: skip gaps left by failed writes
            nextSeq = Math.max(nextSeq, durable + 1);
        }
        return out;
    }

    /** Positions at the record with sequence {@code seq}, or the first one after it. */
    private void locate(long seq) throws IOException {
        for (int attempt = 0;; attempt++) {
            Segment s = journal.segmentFor(seq).getValue();
            try {
                s.header();
                enter(s, s.index().floor(seq));
                return;
            } catch (NoSuchFileException e) {
                if (!s.evicted || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private void enter(Segment s, long[] indexEntry) throws IOException {
        if (s != seg || channel == null) {
            forgetChannel();
            channel = FileChannel.open(s.file, StandardOpenOption.READ);
        }
        seg = s;
        SegmentHeader h = s.header();
        decoder.dictionary(h.dictionary());
        if (indexEntry != null && indexEntry[1] >= h.length()) {
            offset = indexEntry[1];
            verifySeq = indexEntry[0];
        } else {
            offset = h.length();
            verifySeq = -1;
        }
    }

    private void forgetChannel() {
        reader.forget();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only
            }
            channel = null;
        }
    }

    @Override
    public void acknowledge(long sequence) throws JournalException {
        synchronized (ackLock) {
            checkOpen();
            if (sequence <= acked) {
                return;
            }
            long readable = journal.readableSequence();
            if (sequence > readable) {
                throw new JournalException("cursor " + id + ": cannot acknowledge " + sequence
                        + ": the journal's last entry is " + readable);
            }
            try {
                file.write(sequence);
            } catch (IOException e) {
                throw new JournalException("cursor " + id + ": cannot store the acknowledgement of " + sequence + ": " + e, e);
            }
            acked = sequence;
        }
        position.lock();
        try {
            if (nextSeq <= sequence) { // acknowledged beyond what was read: continue after it
                nextSeq = sequence + 1;
                seg = null;
            }
        } finally {
            position.unlock();
        }
    }

    @Override
    public long acknowledged() {
        return acked;
    }

    @Override
    public void rewind() {
        position.lock();
        try {
            nextSeq = acked + 1;
            seg = null;
        } finally {
            position.unlock();
        }
    }

    private void checkOpen() throws JournalException {
        if (closed) {
            throw new JournalException("cursor " + id + " is closed (its journal was closed or the consumer removed)");
        }
        journal.checkOpen();
    }

    void close() {
        closed = true;
        position.lock();
        try {
            forgetChannel();
        } finally {
            position.unlock();
        }
        synchronized (ackLock) {
            try {
                file.close();
            } catch (IOException ignored) {
                // every write was synced when it was made
            }
        }
    }

    @Override
    public String toString() {
        return "cursor " + id + " (acknowledged " + acked + ")";
    }
}
