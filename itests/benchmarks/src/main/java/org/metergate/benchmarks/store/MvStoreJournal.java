package org.metergate.benchmarks.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.codec.ByteSink;
import org.metergate.store.codec.ByteSource;
import org.metergate.store.codec.RecordFormatException;
import org.metergate.store.codec.StringDictionary;
import org.metergate.store.codec.UplinkDecoder;
import org.metergate.store.codec.UplinkEncoder;

/**
 * The embedded-store candidate for the journal, for the measurement only (not shipped): H2's
 * MVStore with a map sequence -> record (the same binary record format as the segment log, with a
 * fixed dictionary) and a map consumer -> acknowledged sequence. Durability as the shipped journal:
 * appends wait for a {@code commit()} + {@code sync()} that a committer thread shares among all the
 * appends that arrived meanwhile (group commit). No retention.
 */
public final class MvStoreJournal implements Journal, AutoCloseable {

    private static final StringDictionary DICT = StringDictionary.seed();

    private final MVStore store;
    private final MVMap<Long, byte[]> log;
    private final MVMap<String, Long> acks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private long nextSeq;
    private long started;
    private long finished;
    private boolean pending;
    private boolean closing;
    private volatile long durableSeq;
    private final Thread committer;
    private final ThreadLocal<ByteSink> sinks = ThreadLocal.withInitial(() -> new ByteSink(256));

    public MvStoreJournal(Path file) {
        store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        log = store.openMap("log");
        acks = store.openMap("acks");
        Long last = log.lastKey();
        nextSeq = last == null ? 0 : last + 1;
        durableSeq = nextSeq - 1;
        committer = new Thread(this::commitLoop, "mvstore-committer");
        committer.setDaemon(true);
        committer.start();
    }

    private void commitLoop() {
        lock.lock();
        try {
            while (true) {
                while (!pending && !closing) {
                    work.awaitUninterruptibly();
                }
                if (!pending && closing) {
                    return;
                }
                pending = false;
                long gen = ++started;
                long target = nextSeq - 1; // every put up to here has completed: puts happen under this lock
                lock.unlock();
                try {
                    store.commit();
                    store.sync();
                } finally {
                    lock.lock();
                }
                finished = gen;
                durableSeq = target;
                done.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a commit that starts after this call; the caller holds the lock. */
    private void awaitCommit() {
        long need = started + 1;
        pending = true;
        work.signal();
        while (finished < need) {
            done.awaitUninterruptibly();
        }
    }

    @Override
    public List<UplinkEntry> append(List<? extends Uplink> items) throws JournalException {
        byte[][] records = new byte[items.size()][];
        ByteSink sink = sinks.get();
        UplinkEncoder enc = new UplinkEncoder(DICT, null);
        for (int i = 0; i < records.length; i++) {
            sink.reset();
            sink.writeByte(UplinkEncoder.typeOf(items.get(i)));
            enc.encode(items.get(i), sink);
            records[i] = Arrays.copyOf(sink.array(), sink.position());
        }
        long first;
        lock.lock();
        try {
            if (closing) {
                throw new JournalException("closed");
            }
            first = nextSeq;
            for (byte[] r : records) {
                log.put(nextSeq++, r);
            }
            awaitCommit();
        } finally {
            lock.unlock();
        }
        UplinkEntry[] out = new UplinkEntry[records.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new UplinkEntry(first + i, items.get(i));
        }
        return Arrays.asList(out);
    }

    @Override
    public JournalCursor cursor(String consumerId) {
        return new Cursor(consumerId, acks.getOrDefault(consumerId, -1L));
    }

    @Override
    public JournalStatus status() {
        Long first = log.firstKey();
        return new JournalStatus(first == null ? nextSeq : first, nextSeq, store.getFileStore().size(), 0);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    private final class Cursor implements JournalCursor {
        private final String id;
        private volatile long acked;
        private long next;
        private final UplinkDecoder dec = new UplinkDecoder(DICT);
        private final ByteSource src = new ByteSource();

        Cursor(String id, long acked) {
            this.id = id;
            this.acked = acked;
            this.next = acked + 1;
        }

        @Override
        public String consumerId() {
            return id;
        }

        @Override
        public synchronized List<UplinkEntry> read(int max, Duration wait) throws JournalException {
            long limit = durableSeq;
            List<UplinkEntry> out = new ArrayList<>(Math.min(max, 1024));
            if (next > limit) {
                return out;
            }
            org.h2.mvstore.Cursor<Long, byte[]> it = log.cursor(next, limit, false);
            while (out.size() < max && it.hasNext()) {
                long key = it.next();
                byte[] b = it.getValue();
                src.reset(b, 1, b.length - 1);
                try {
                    out.add(new UplinkEntry(key, dec.decode(b[0], src)));
                } catch (RecordFormatException ex) {
                    throw new JournalException("entry " + key + ": " + ex.getMessage(), ex);
                }
                next = key + 1;
            }
            return out;
        }

        @Override
        public void acknowledge(long sequence) {
            lock.lock();
            try {
                acks.put(id, sequence);
                acked = sequence;
                awaitCommit();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long acknowledged() {
            return acked;
        }

        @Override
        public synchronized void rewind() {
            next = acked + 1;
        }
    }
}
