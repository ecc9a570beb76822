package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metergate.store.log.SegmentJournalTest.readAll;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.Samples;

/** Concurrent appenders share a sync in group commit, each append has its own in FSYNC_EACH_APPEND, none without sync. */
class GroupCommitTest {

    @TempDir
    Path dir;

    private static List<UplinkEntry> hammer(SegmentJournal j, int threads, int appendsEach) throws Exception {
        List<UplinkEntry> all = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts.add(new Thread(() -> {
                try {
                    start.await();
                    for (int k = 0; k < appendsEach; k++) {
                        all.addAll(j.append(Samples.items(id * 10_000L + k * 5L, 5)));
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        ts.forEach(Thread::start);
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        List<UplinkEntry> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        assertThat(readAll(j.cursor("check"))).isEqualTo(sorted);
        return sorted;
    }

    @Test
    void concurrentAppendersShareOneSync() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).groupCommitMaxWait(Duration.ofMillis(20))
                .retentionMaxBytes(0).build())) {
            hammer(j, 8, 25);
            JournalStats s = j.stats();
            assertThat(s.appends()).isEqualTo(200);
            assertThat(s.syncs()).isLessThanOrEqualTo(s.appends() / 2);
        }
    }

    @Test
    void withoutWaitingAppendsStillShareTheSyncThatIsUnderWay() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).retentionMaxBytes(0).build())) {
            hammer(j, 8, 25);
            assertThat(j.stats().syncs()).isBetween(1L, 200L);
        }
    }

    @Test
    void fsyncEachAppendSyncsEveryAppendOnItsOwn() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).durability(Durability.FSYNC_EACH_APPEND)
                .retentionMaxBytes(0).build())) {
            hammer(j, 4, 25);
            assertThat(j.stats().syncs()).isEqualTo(100);
        }
    }

    @Test
    void theUnsafeModeNeverSyncs() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).durability(Durability.UNSAFE_NO_FSYNC_TESTS_ONLY)
                .retentionMaxBytes(0).build())) {
            hammer(j, 4, 25);
            assertThat(j.stats().syncs()).isZero();
        }
    }

    @Test
    void backPressureHoldsAppendersWhileTooMuchIsPending() throws Exception {
        // pending limit of one record: every appender waits for the buffer before it may add
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).maxRecordBytes(256).maxPendingBytes(256)
                .retentionMaxBytes(0).build())) {
            List<UplinkEntry> all = hammer(j, 4, 50);
            assertThat(all).hasSize(1000);
        }
    }
}
