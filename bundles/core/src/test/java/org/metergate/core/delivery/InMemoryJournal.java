package org.metergate.core.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;

/** A journal in memory with the cursor semantics of the API, for testing delivery. */
final class InMemoryJournal implements Journal {

    private final List<UplinkEntry> entries = new ArrayList<>();
    private final Map<String, Long> acknowledged = new HashMap<>();

    @Override
    public synchronized List<UplinkEntry> append(List<? extends Uplink> items) {
        List<UplinkEntry> out = new ArrayList<>();
        for (Uplink u : items) {
            UplinkEntry e = new UplinkEntry(entries.size(), u);
            entries.add(e);
            out.add(e);
        }
        notifyAll();
        return out;
    }

    synchronized long acknowledged(String id) {
        return acknowledged.getOrDefault(id, -1L);
    }

    @Override
    public JournalCursor cursor(String consumerId) {
        return new JournalCursor() {
            private long position = acknowledged() + 1;

            @Override
            public String consumerId() {
                return consumerId;
            }

            @Override
            public List<UplinkEntry> read(int max, Duration wait) throws InterruptedException {
                synchronized (InMemoryJournal.this) {
                    long deadline = System.currentTimeMillis() + wait.toMillis();
                    while (position >= entries.size() && System.currentTimeMillis() < deadline) {
                        InMemoryJournal.this.wait(Math.max(1, deadline - System.currentTimeMillis()));
                    }
                    List<UplinkEntry> out = new ArrayList<>();
                    while (position < entries.size() && out.size() < max) {
                        out.add(entries.get((int) position++));
                    }
                    return out;
                }
            }

            @Override
            public void acknowledge(long sequence) {
                synchronized (InMemoryJournal.this) {
                    acknowledged.put(consumerId, sequence);
                }
            }

            @Override
            public long acknowledged() {
                return InMemoryJournal.this.acknowledged(consumerId);
            }

            @Override
            public void rewind() {
                position = acknowledged() + 1;
            }
        };
    }

    @Override
    public synchronized JournalStatus status() {
        return new JournalStatus(0, entries.size(), 0, 0);
    }
}
