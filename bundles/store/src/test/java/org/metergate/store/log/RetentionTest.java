package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.metergate.store.log.SegmentJournalTest.readAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.MutableClock;
import org.metergate.store.testing.Samples;

class RetentionTest {

    private static final Pattern SLOW = Pattern.compile("slow (\\d+) entr");

    @TempDir
    Path dir;

    private static List<MeterEvent> evictionEvents(List<UplinkEntry> entries) {
        // the journal's own events: link empty, detail from retention (sample data has DATA_EVICTED events of its own)
        return entries.stream().map(UplinkEntry::item)
                .filter(u -> u instanceof MeterEvent e && e.type() == EventType.DATA_EVICTED && e.detail().startsWith("retention ("))
                .map(MeterEvent.class::cast).toList();
    }

    @Test
    void sizeLimitEvictsTheOldestSegmentsAndTellsEveryConsumerWhatWasUnread() throws Exception {
        JournalOptions o = JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(16 * 1024).retentionMaxAge(null).build();
        long evicted;
        try (SegmentJournal j = SegmentJournal.open(o)) {
            JournalCursor fast = j.cursor("fast");
            JournalCursor slow = j.cursor("slow");
            assertThat(slow.read(3, Duration.ZERO)).hasSize(0);
            j.append(Samples.items(0, 5));
            assertThat(slow.read(3, Duration.ZERO)).hasSize(3); // positioned in the first segment, acknowledges nothing
            for (int i = 1; i < 200; i++) {
                j.append(Samples.items(i * 5L, 5));
                List<UplinkEntry> got = fast.read(10_000, Duration.ZERO);
                fast.acknowledge(got.get(got.size() - 1).sequence());
            }
            var status = j.status();
            assertThat(status.firstSequence()).isGreaterThan(0);
            assertThat(status.sizeBytes()).isLessThanOrEqualTo(16 * 1024 + 4096 + 1024);
            long onDisk = 0;
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".seg") || p.toString().endsWith(".idx")).toList()) {
                    onDisk += Files.size(p);
                }
            }
            assertThat(status.sizeBytes()).isEqualTo(onDisk);
            // the slow consumer lost everything before the oldest segment, and nothing else
            assertThat(status.evicted()).isEqualTo(status.firstSequence());
            evicted = status.evicted();

            List<UplinkEntry> all = readAll(j.cursor("late"));
            List<MeterEvent> events = evictionEvents(all);
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.detail()).contains("size limit 16.0 KiB").contains("slow").doesNotContain("fast ");
                assertThat(e.meter()).isNull();
            });
            // the events that are still held count what was evicted since they were written; their sum is the total
            long sum = 0;
            JournalCursor fresh = j.cursor("fresh");
            for (MeterEvent e : events) {
                Matcher m = SLOW.matcher(e.detail());
                assertThat(m.find()).as(e.detail()).isTrue();
                sum += Long.parseLong(m.group(1));
            }
            assertThat(sum).isLessThanOrEqualTo(evicted);
            // the slow consumer continues at the oldest entry that is left
            List<UplinkEntry> next = slow.read(1, Duration.ZERO);
            assertThat(next.get(0).sequence()).isEqualTo(j.status().firstSequence());
            assertThat(fresh.acknowledged()).isEqualTo(-1);
        }
        try (SegmentJournal j = SegmentJournal.open(o)) {
            assertThat(j.status().evicted()).isEqualTo(evicted); // kept across restarts
        }
    }

    @Test
    void everyEvictionEventIsCountedExactlyWhenNothingElseIsEvictedInBetween() throws Exception {
        JournalOptions o = JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(1024 * 1024).retentionMaxAge(null).build();
        try (SegmentJournal j = SegmentJournal.open(o)) {
            j.cursor("slow");
            for (int i = 0; i < 100; i++) {
                j.append(Samples.items(i * 5L, 5));
            }
        }
        // reopen with a smaller limit: one eviction run takes everything but the last segments, and one event says so
        JournalOptions small = JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(8 * 1024).retentionMaxAge(null)
                .retentionCheckInterval(Duration.ofMillis(10)).build();
        try (SegmentJournal j = SegmentJournal.open(small)) {
            j.append(Samples.items(500, 1)); // a write makes the writer check the size
            await().atMost(Duration.ofSeconds(10)).until(() -> j.status().evicted() > 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> !evictionEvents(readAll(j.cursor("probe" + System.nanoTime()))).isEmpty());
            List<MeterEvent> events = evictionEvents(readAll(j.cursor("reader")));
            assertThat(events).hasSize(1);
            Matcher m = SLOW.matcher(events.get(0).detail());
            assertThat(m.find()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(j.status().evicted()).isEqualTo(j.status().firstSequence());
            assertThat(events.get(0).detail()).contains("evicted sequences 0.." + (j.status().firstSequence() - 1))
                    .contains("(none acknowledged)");
        }
    }

    @Test
    void theSegmentBeingWrittenIsNeverEvicted() throws Exception {
        JournalOptions o = JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(8192).retentionMaxAge(null).build();
        try (SegmentJournal j = SegmentJournal.open(o)) {
            for (int i = 0; i < 40; i++) {
                j.append(Samples.items(i * 5L, 5));
            }
            List<UplinkEntry> big = j.append(Samples.items(1000, 2000)); // one append far over the whole limit
            assertThat(j.status().sizeBytes()).isGreaterThan(8192 * 4);
            List<UplinkEntry> all = readAll(j.cursor("r"));
            assertThat(all).containsSubsequence(big);
            assertThat(j.status().firstSequence()).isLessThanOrEqualTo(big.get(0).sequence());
            j.append(Samples.items(5000, 1)); // the big segment is closed now and may go
            // retention runs on the writer thread right after the append is durable, not before it returns
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> j.status().firstSequence() > big.get(big.size() - 1).sequence());
        }
    }

    @Test
    void ageLimitEvictsSegmentsWhoseNewestEntryIsTooOld() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        JournalOptions o = JournalOptions.builder(dir).clock(clock).retentionMaxBytes(0).retentionMaxAge(Duration.ofHours(1))
                .segmentMaxAge(Duration.ofMinutes(1)).retentionCheckInterval(Duration.ofMillis(10)).build();
        try (SegmentJournal j = SegmentJournal.open(o)) {
            JournalCursor c = j.cursor("c");
            j.append(Samples.items(0, 5));                 // segment 0, created at 00:00
            clock.advance(Duration.ofMinutes(2));
            j.append(Samples.items(5, 5));                 // segment 5, created at 00:02
            clock.advance(Duration.ofMinutes(2));
            j.append(Samples.items(10, 5));                // segment 10, created at 00:04
            c.acknowledge(2);
            Thread.sleep(50);
            assertThat(j.status().firstSequence()).isZero(); // nothing is an hour old yet
            clock.advance(Duration.ofMinutes(59));           // 01:03: segment 0 (newest entry before 00:02) is over an hour old
            await().atMost(Duration.ofSeconds(10)).until(() -> j.status().firstSequence() == 5);
            clock.advance(Duration.ofMinutes(1));            // 01:04: segment 5 too; segment 10 is being written and stays
            await().atMost(Duration.ofSeconds(10)).until(() -> j.status().firstSequence() == 10);
            assertThat(j.status().evicted()).isEqualTo(2 + 5);
            List<MeterEvent> events = evictionEvents(readAll(c));
            assertThat(events).hasSize(2);
            assertThat(events.get(0).detail()).contains("age limit PT1H").contains("evicted sequences 0..4")
                    .contains("c 2 entries (acknowledged up to 2)");
            assertThat(events.get(1).detail()).contains("evicted sequences 5..9").contains("c 5 entries");
            assertThat(events.get(0).time()).isEqualTo(Instant.parse("2025-01-01T01:03:00Z"));
        }
    }
}
