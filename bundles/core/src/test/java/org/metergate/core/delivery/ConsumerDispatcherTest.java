package org.metergate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.UplinkConsumer;
import org.metergate.api.reading.UplinkEntry;

class ConsumerDispatcherTest {

    private static List<MeterEvent> events(int n) {
        List<MeterEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new MeterEvent(EventType.METER_SILENT, null, "l", Instant.EPOCH, "e" + i));
        }
        return list;
    }

    private static final class Collecting implements UplinkConsumer {
        final List<Long> sequences = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failFirst = new AtomicInteger();
        volatile CountDownLatch block = new CountDownLatch(0);

        @Override
        public void deliver(List<UplinkEntry> entries) throws Exception {
            block.await();
            if (failFirst.getAndDecrement() > 0) {
                throw new IllegalStateException("broker down");
            }
            entries.forEach(e -> sequences.add(e.sequence()));
        }
    }

    @Test
    void everyConsumerGetsEveryEntryInOrderAndAcknowledgesIt() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        ConsumerDispatcher d = new ConsumerDispatcher(journal);
        Collecting a = new Collecting();
        d.addConsumer(a, Map.of(UplinkConsumer.CONSUMER_ID, "a"));
        journal.append(events(1200));
        await().until(() -> a.sequences.size() == 1200);
        assertThat(a.sequences).isSorted().doesNotHaveDuplicates();
        await().until(() -> journal.acknowledged("a") == 1199);
        d.stop();
    }

    @Test
    void aConsumerThatFailsGetsTheSameEntriesAgainAndLosesNothing() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        ConsumerDispatcher d = new ConsumerDispatcher(journal);
        Collecting flaky = new Collecting();
        flaky.failFirst.set(1);
        d.addConsumer(flaky, Map.of(UplinkConsumer.CONSUMER_ID, "flaky"));
        journal.append(events(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> flaky.sequences.size() == 10);
        assertThat(flaky.sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        d.stop();
    }

    @Test
    void aStuckConsumerDoesNotHoldUpAnotherAndResumesFromItsCursor() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        ConsumerDispatcher d = new ConsumerDispatcher(journal);
        Collecting stuck = new Collecting();
        stuck.block = new CountDownLatch(1);
        Collecting fine = new Collecting();
        d.addConsumer(stuck, Map.of(UplinkConsumer.CONSUMER_ID, "stuck"));
        d.addConsumer(fine, Map.of(UplinkConsumer.CONSUMER_ID, "fine"));
        journal.append(events(100));
        await().until(() -> fine.sequences.size() == 100);
        assertThat(stuck.sequences).isEmpty();

        d.removeConsumer(stuck); // it goes away without having acknowledged anything
        Collecting back = new Collecting();
        d.addConsumer(back, Map.of(UplinkConsumer.CONSUMER_ID, "stuck"));
        await().until(() -> back.sequences.size() == 100);
        assertThat(back.sequences.get(0)).isZero();
        d.stop();
    }

    @Test
    void aConsumerWithoutACursorNameIsRefused() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        ConsumerDispatcher d = new ConsumerDispatcher(journal);
        Collecting nameless = new Collecting();
        d.addConsumer(nameless, Map.of());
        journal.append(events(3));
        Thread.sleep(300);
        assertThat(nameless.sequences).isEmpty();
        d.stop();
    }
}
