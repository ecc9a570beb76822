package org.metergate.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the journal to one consumer on a thread of its own: reads a batch after the consumer's
 * cursor, hands it over, acknowledges it when the consumer returns. A consumer that throws gets the
 * same entries again after a back-off (1 s doubling to 1 min); it never holds up another consumer,
 * and the journal keeps what it has not acknowledged.
 */
final class Delivery implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final String id;
    private final UplinkConsumer consumer;
    private final Journal journal;
    private final int batchSize;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopped;

    Delivery(String id, UplinkConsumer consumer, Journal journal, int batchSize) {
        this.id = id;
        this.consumer = consumer;
        this.journal = journal;
        this.batchSize = batchSize;
        this.thread = new Thread(this, "metergate-delivery-" + id);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(5000);
    }

    long delivered() {
        return delivered.get();
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void run() {
        long backoff = 1000;
        JournalCursor cursor = null;
        while (!stopped) {
            try {
                if (cursor == null) {
                    cursor = journal.cursor(id);
                }
                List<UplinkEntry> entries = cursor.read(batchSize, Duration.ofSeconds(1));
                if (entries.isEmpty()) {
                    continue;
                }
                try {
                    consumer.deliver(entries);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    failures.incrementAndGet();
                    LOG.warn("consumer {} refused {} entries from {}, again in {} ms: {}", id, entries.size(),
                            entries.get(0).sequence(), backoff, e.toString());
                    cursor.rewind();
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    continue;
                }
                cursor.acknowledge(entries.get(entries.size() - 1).sequence());
                delivered.addAndGet(entries.size());
                backoff = 1000;
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            } catch (Exception e) {
                LOG.error("journal delivery to {} failed, retrying in {} ms", id, backoff, e);
                cursor = null;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    if (stopped) {
                        return;
                    }
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}
