package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.Samples;

class SegmentJournalTest {

    @TempDir
    Path dir;

    private JournalOptions.Builder options() {
        return JournalOptions.builder(dir).retentionMaxBytes(0).retentionMaxAge(null);
    }

    private SegmentJournal open() throws JournalException {
        return SegmentJournal.open(options().build());
    }

    static List<UplinkEntry> readAll(JournalCursor c) throws Exception {
        List<UplinkEntry> all = new ArrayList<>();
        while (true) {
            List<UplinkEntry> got = c.read(1000, Duration.ZERO);
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
        }
    }

    static List<Uplink> items(List<UplinkEntry> entries) {
        return entries.stream().map(UplinkEntry::item).toList();
    }

    @Test
    void appendReturnsSequencesAndACursorReadsEverythingInOrder() throws Exception {
        try (SegmentJournal j = open()) {
            assertThat(j.status()).isEqualTo(new JournalStatus(0, 0, j.status().sizeBytes(), 0));
            List<UplinkEntry> a = j.append(Samples.telegram(1));
            List<UplinkEntry> b = j.append(Samples.items(100, 7));
            assertThat(a).extracting(UplinkEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(b).extracting(UplinkEntry::sequence).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(j.status().nextSequence()).isEqualTo(12);
            List<UplinkEntry> read = readAll(j.cursor("head-end"));
            List<UplinkEntry> expected = new ArrayList<>(a);
            expected.addAll(b);
            assertThat(read).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyAppendDoesNothing() throws Exception {
        try (SegmentJournal j = open()) {
            assertThat(j.append(List.of())).isEmpty();
            assertThat(j.status().nextSequence()).isZero();
        }
    }

    @Test
    void readingDoesNotMoveTheCommittedPositionAndRewindGoesBackToIt() throws Exception {
        try (SegmentJournal j = open()) {
            j.append(Samples.items(0, 10));
            JournalCursor c = j.cursor("display");
            assertThat(c.acknowledged()).isEqualTo(-1);
            List<UplinkEntry> first = c.read(4, Duration.ZERO);
            assertThat(first).extracting(UplinkEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
            assertThat(c.read(4, Duration.ZERO)).extracting(UplinkEntry::sequence).containsExactly(4L, 5L, 6L, 7L);
            c.acknowledge(3);
            c.rewind();
            assertThat(c.read(100, Duration.ZERO)).extracting(UplinkEntry::sequence).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        }
        try (SegmentJournal j = open()) {
            JournalCursor c = j.cursor("display");
            assertThat(c.acknowledged()).isEqualTo(3);
            assertThat(c.read(100, Duration.ZERO)).extracting(UplinkEntry::sequence).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void consumersAreIndependent() throws Exception {
        try (SegmentJournal j = open()) {
            j.append(Samples.items(0, 20));
            JournalCursor a = j.cursor("a");
            JournalCursor b = j.cursor("b");
            assertThat(a.read(15, Duration.ZERO)).hasSize(15);
            a.acknowledge(14);
            assertThat(b.read(3, Duration.ZERO)).extracting(UplinkEntry::sequence).containsExactly(0L, 1L, 2L);
            b.acknowledge(1);
            assertThat(j.cursor("a")).isSameAs(a);
        }
        try (SegmentJournal j = open()) {
            assertThat(j.consumers()).containsExactly("a", "b");
            assertThat(j.cursor("a").read(100, Duration.ZERO).get(0).sequence()).isEqualTo(15);
            assertThat(j.cursor("b").read(100, Duration.ZERO).get(0).sequence()).isEqualTo(2);
            // a consumer that is new after the data was written starts at the oldest entry
            assertThat(j.cursor("late").read(100, Duration.ZERO)).hasSize(20);
        }
    }

    @Test
    void aSlowConsumerNeverBlocksAppends() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(options().segmentBytes(64 * 1024).build())) {
            JournalCursor idle = j.cursor("never-reads");
            for (int i = 0; i < 400; i++) {
                j.append(Samples.items(i * 50L, 50));
            }
            assertThat(j.status().nextSequence()).isEqualTo(20_000);
            assertThat(j.stats().segments()).isGreaterThan(5);
            List<UplinkEntry> all = readAll(idle);
            assertThat(all).hasSize(20_000);
            for (int i = 0; i < all.size(); i += 997) {
                assertThat(all.get(i)).isEqualTo(new UplinkEntry(i, Samples.item(i)));
            }
        }
    }

    @Test
    void readWaitsForTheNextAppend() throws Exception {
        try (SegmentJournal j = open()) {
            JournalCursor c = j.cursor("waiter");
            CompletableFuture<List<UplinkEntry>> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.read(10, Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(50);
            assertThat(f).isNotDone();
            j.append(Samples.telegram(7));
            assertThat(f.get(10, TimeUnit.SECONDS)).hasSize(5);
        }
    }

    @Test
    void readReturnsEmptyWhenNothingComesInTime() throws Exception {
        try (SegmentJournal j = open()) {
            assertThat(j.cursor("c").read(10, Duration.ofMillis(20))).isEmpty();
            assertThat(j.cursor("c").read(10, null)).isEmpty();
        }
    }

    @Test
    void acknowledgementRules() throws Exception {
        try (SegmentJournal j = open()) {
            j.append(Samples.items(0, 10));
            JournalCursor c = j.cursor("c");
            assertThatThrownBy(() -> c.acknowledge(10)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("cannot acknowledge 10").hasMessageContaining("last entry is 9");
            c.acknowledge(5);
            c.acknowledge(2); // older: nothing changes
            assertThat(c.acknowledged()).isEqualTo(5);
            // acknowledged beyond what was read: reading continues after it
            assertThat(c.read(1, Duration.ZERO).get(0).sequence()).isEqualTo(6);
        }
    }

    @Test
    void badInputIsAJournalExceptionThatSaysWhat() throws Exception {
        try (SegmentJournal j = open()) {
            assertThatThrownBy(() -> j.append(null)).isInstanceOf(JournalException.class).hasMessageContaining("null");
            List<Uplink> withNull = new ArrayList<>(Samples.items(0, 3));
            withNull.add(1, null);
            assertThatThrownBy(() -> j.append(withNull)).isInstanceOf(JournalException.class).hasMessageContaining("item 1 of 4");
            assertThatThrownBy(() -> j.cursor("")).isInstanceOf(JournalException.class).hasMessageContaining("consumer id");
            assertThatThrownBy(() -> j.cursor(null)).isInstanceOf(JournalException.class).hasMessageContaining("consumer id");
            assertThatThrownBy(() -> j.cursor("x".repeat(129))).isInstanceOf(JournalException.class);
            assertThatThrownBy(() -> j.cursor("c").read(0, Duration.ZERO)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("positive");
            assertThat(j.status().nextSequence()).isZero();
        }
    }

    @Test
    void aRecordOverTheLimitIsRefusedAndTheJournalGoesOn() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(options().maxRecordBytes(1024).build())) {
            j.append(Samples.items(0, 2));
            Reading big = new Reading(Samples.KAMSTRUP_HEAT, "q".repeat(2000), BigDecimal.ONE, Unit.NONE, 0, 0, 0,
                    FunctionField.INSTANTANEOUS, Instant.EPOCH, null);
            assertThatThrownBy(() -> j.append(List.of(Samples.item(2), big))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("item 1").hasMessageContaining("1024");
            assertThat(j.append(Samples.items(2, 1)).get(0).sequence()).isEqualTo(2);
            assertThat(items(readAll(j.cursor("c")))).isEqualTo(Samples.items(0, 3));
        }
    }

    @Test
    void consumerIdsWithAnyCharactersArePersisted() throws Exception {
        String id = "head-end/MQTT #1 ü .. \\ ☃";
        try (SegmentJournal j = open()) {
            j.append(Samples.items(0, 3));
            j.cursor(id).acknowledge(1);
        }
        try (SegmentJournal j = open()) {
            assertThat(j.consumers()).containsExactly(id);
            assertThat(j.cursor(id).acknowledged()).isEqualTo(1);
        }
        try (var files = Files.list(dir.resolve(SegmentJournal.CURSOR_DIR))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[A-Za-z0-9_%-]+\\.cursor"));
        }
    }

    @Test
    void aRemovedConsumerIsForgotten() throws Exception {
        try (SegmentJournal j = open()) {
            JournalCursor c = j.cursor("gone");
            assertThat(j.removeCursor("gone")).isTrue();
            assertThat(j.removeCursor("gone")).isFalse();
            assertThatThrownBy(() -> c.read(1, Duration.ZERO)).isInstanceOf(JournalException.class).hasMessageContaining("closed");
        }
        try (SegmentJournal j = open()) {
            assertThat(j.consumers()).isEmpty();
        }
    }

    @Test
    void segmentsRollAndEverythingIsReadAcrossThemAfterARestart() throws Exception {
        List<Uplink> written = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(options().segmentBytes(8 * 1024).build())) {
            for (int i = 0; i < 300; i++) {
                List<Uplink> batch = Samples.items(i * 10L, 10);
                j.append(batch);
                written.addAll(batch);
            }
            assertThat(j.stats().segments()).isGreaterThan(10);
        }
        try (SegmentJournal j = SegmentJournal.open(options().segmentBytes(8 * 1024).build())) {
            assertThat(items(readAll(j.cursor("c")))).isEqualTo(written);
            assertThat(j.recovery().segments()).isGreaterThan(10);
        }
    }

    @Test
    void laterSegmentsLearnTheirDictionaryFromTheirPredecessor() throws Exception {
        String quantity = "volume, accumulation of negative contributions";
        try (SegmentJournal j = SegmentJournal.open(options().segmentBytes(4 * 1024).build())) {
            for (int i = 0; i < 200; i++) {
                j.append(List.of(new Reading(Samples.DIEHL_WATER, quantity, BigDecimal.valueOf(i, 3), new Unit("m³"), 0, 0, 0,
                        FunctionField.INSTANTANEOUS, Instant.ofEpochSecond(i), null)));
            }
            List<Long> bases = new ArrayList<>(segmentsOf(j));
            Segment first = segment(j, bases.get(0));
            Segment last = segment(j, bases.get(bases.size() - 1));
            assertThat(first.header().dictionary().entries()).doesNotContain(quantity, "m³");
            assertThat(last.header().dictionary().idOf(quantity)).isBetween(0, 1);
            assertThat(last.header().dictionary().idOf("m³")).isBetween(0, 1);
            // the same reading takes fewer bytes in the later segment
            long firstPer = (first.size - first.header().length()) / (segment(j, bases.get(1)).base - first.base);
            long lastPer = (last.size - last.header().length()) / (j.status().nextSequence() - last.base);
            assertThat(lastPer).isLessThan(firstPer - 40);
            assertThat(readAll(j.cursor("c"))).hasSize(200);
        }
    }

    static List<Long> segmentsOf(SegmentJournal j) throws IOException {
        return segmentsOfDir(j.directory());
    }

    static List<Long> segmentsOfDir(Path d) throws IOException {
        try (var files = Files.list(d)) {
            return files.map(p -> Segment.baseOf(p.getFileName().toString())).filter(b -> b >= 0).sorted().toList();
        }
    }

    static Segment segment(SegmentJournal j, long base) {
        return j.segmentFor(base).getValue();
    }

    @Test
    void aClosedJournalRefusesWork() throws Exception {
        SegmentJournal j = open();
        JournalCursor c = j.cursor("c");
        j.close();
        j.close(); // twice is fine
        assertThatThrownBy(() -> j.append(Samples.items(0, 1))).isInstanceOf(JournalException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.read(1, Duration.ZERO)).isInstanceOf(JournalException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.acknowledge(0)).isInstanceOf(JournalException.class).hasMessageContaining("closed");
    }

    @Test
    void oneDirectoryHoldsOneOpenJournal() throws Exception {
        try (SegmentJournal j = open()) {
            assertThatThrownBy(this::open).isInstanceOf(JournalException.class).hasMessageContaining("already open");
        }
        open().close(); // released
    }

    @Test
    void interruptingOneConsumerDisturbsNobodyElse() throws Exception {
        try (SegmentJournal j = open()) {
            j.append(Samples.items(0, 50));
            JournalCursor c = j.cursor("interrupted");
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread t = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    c.read(10, Duration.ofSeconds(5));
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            t.start();
            t.join(10_000);
            assertThat(seen.get()).isInstanceOf(InterruptedException.class);
            j.append(Samples.items(50, 50));
            assertThat(readAll(j.cursor("other"))).hasSize(100);
            assertThat(readAll(c)).hasSize(100); // the interrupted cursor itself works again
        }
    }

    @Test
    void resumingInTheMiddleOfALargeSegmentUsesTheIndexAndSurvivesABadOne() throws Exception {
        try (SegmentJournal j = SegmentJournal.open(options().indexIntervalBytes(1024).build())) {
            for (int i = 0; i < 100; i++) {
                j.append(Samples.items(i * 100L, 100));
            }
            j.cursor("c").acknowledge(7_777);
        }
        try (SegmentJournal j = SegmentJournal.open(options().indexIntervalBytes(1024).build())) {
            Segment s = segment(j, 0);
            assertThat(s.index().size()).isGreaterThan(100);
            List<UplinkEntry> got = j.cursor("c").read(3, Duration.ZERO);
            assertThat(got).containsExactly(new UplinkEntry(7_778, Samples.item(7_778)), new UplinkEntry(7_779, Samples.item(7_779)),
                    new UplinkEntry(7_780, Samples.item(7_780)));
        }
        // an index whose entries point into the middle of records: found out, and the segment is scanned instead
        Path idx = dir.resolve(String.format("%020d", 0) + Segment.INDEX_SUFFIX);
        byte[] b = Files.readAllBytes(idx);
        for (int i = 0; i + 16 <= b.length; i += 16) {
            b[i + 15] += 3; // every offset off by three
        }
        Files.write(idx, b);
        try (SegmentJournal j = SegmentJournal.open(options().indexIntervalBytes(1024).build())) {
            List<UplinkEntry> got = j.cursor("c").read(2, Duration.ZERO);
            assertThat(got).containsExactly(new UplinkEntry(7_778, Samples.item(7_778)), new UplinkEntry(7_779, Samples.item(7_779)));
            assertThat(readAll(j.cursor("all"))).hasSize(10_000);
        }
    }

    @Test
    void randomBatchesFromManyThreadsAreAllThereWithTheSequencesAppendReturned() throws Exception {
        int threads = 6;
        List<List<UplinkEntry>> results = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(options().segmentBytes(32 * 1024).build())) {
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<UplinkEntry> mine = new ArrayList<>();
                results.add(mine);
                int seed = t;
                ts.add(new Thread(() -> {
                    Random rnd = new Random(seed);
                    try {
                        for (int k = 0; k < 100; k++) {
                            mine.addAll(j.append(Samples.items(rnd.nextInt(1_000_000), 1 + rnd.nextInt(20))));
                        }
                    } catch (JournalException e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            ts.forEach(Thread::start);
            for (Thread t : ts) {
                t.join();
            }
            List<UplinkEntry> expected = new ArrayList<>();
            results.forEach(expected::addAll);
            expected.sort((x, y) -> Long.compare(x.sequence(), y.sequence()));
            List<UplinkEntry> all = readAll(j.cursor("c"));
            assertThat(all).isEqualTo(expected);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).sequence()).isEqualTo(i);
            }
        }
    }
}
