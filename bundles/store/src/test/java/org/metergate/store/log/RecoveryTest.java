package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.store.log.SegmentJournalTest.items;
import static org.metergate.store.log.SegmentJournalTest.readAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalException;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.Samples;

/**
 * What a crash can leave on disk, made by hand: a record cut at any byte, a record with any byte
 * changed, an append half written, a stale or garbage index. Opening must keep every record before
 * the damage, return none of the damaged ones and continue the sequence after the last good one.
 */
class RecoveryTest {

    @TempDir
    Path root;

    /** No fsync: these tests make the damage by hand, so what the disk has is what the file says. */
    private static JournalOptions opts(Path dir) {
        return JournalOptions.builder(dir).durability(Durability.UNSAFE_NO_FSYNC_TESTS_ONLY).retentionMaxBytes(0)
                .retentionMaxAge(null).build();
    }

    private static Path segmentFile(Path dir, long base) {
        return dir.resolve(Segment.fileName(base));
    }

    private static void copyDir(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals(SegmentJournal.LOCK_FILE)) {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Writes 20 single-item appends; returns the byte offset where the last record starts. */
    private long writeTwentyRecords(Path dir) throws Exception {
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            for (int i = 0; i < 19; i++) {
                j.append(Samples.items(i, 1));
            }
            long before = Files.size(segmentFile(dir, 0));
            j.append(Samples.items(19, 1));
            j.cursor("c").acknowledge(10);
            return before;
        }
    }

    /** Opens a copy of {@code source} with the segment replaced by {@code segment} and checks what survived. */
    private void assertRecoversNineteen(Path source, byte[] segment, String what) throws Exception {
        Path dir = Files.createTempDirectory(root, "case");
        copyDir(source, dir);
        Files.write(segmentFile(dir, 0), segment);
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(j.status().nextSequence()).as(what).isEqualTo(19);
            List<UplinkEntry> all = readAll(j.cursor("reader"));
            assertThat(items(all)).as(what).isEqualTo(Samples.items(0, 19));
            assertThat(j.cursor("c").acknowledged()).as(what).isEqualTo(10);
            // and it goes on: the next append takes the place of the lost one
            assertThat(j.append(Samples.items(100, 1)).get(0).sequence()).as(what).isEqualTo(19);
            assertThat(items(j.cursor("reader").read(10, java.time.Duration.ZERO))).as(what).isEqualTo(Samples.items(100, 1));
        }
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(j.status().nextSequence()).as(what + ", reopened").isEqualTo(20);
            assertThat(j.recovery().truncatedBytes()).as(what + ", reopened").isZero();
        }
    }

    @Test
    void aRecordCutAtEveryByteOffsetIsDroppedAndNothingElse() throws Exception {
        Path src = root.resolve("src");
        long lastStart = writeTwentyRecords(src);
        byte[] full = Files.readAllBytes(segmentFile(src, 0));
        assertThat(full.length - lastStart).isGreaterThan(20);
        for (long cut = lastStart; cut < full.length; cut++) {
            assertRecoversNineteen(src, java.util.Arrays.copyOf(full, (int) cut), "cut at " + cut + " of " + full.length);
        }
    }

    @Test
    void aChangeOfAnyByteOfTheLastRecordIsDetected() throws Exception {
        Path src = root.resolve("src");
        long lastStart = writeTwentyRecords(src);
        byte[] full = Files.readAllBytes(segmentFile(src, 0));
        for (int at = (int) lastStart; at < full.length; at++) {
            for (int flip : new int[] {0x01, 0xFF}) {
                byte[] damaged = full.clone();
                damaged[at] ^= (byte) flip;
                assertRecoversNineteen(src, damaged, "byte " + at + " xor " + flip);
            }
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws Exception {
        Path src = root.resolve("src");
        writeTwentyRecords(src);
        byte[] full = Files.readAllBytes(segmentFile(src, 0));
        Random rnd = new Random(1);
        for (int n : new int[] {1, 7, 8, 100, 5000}) {
            byte[] junk = new byte[n];
            rnd.nextBytes(junk);
            byte[] withJunk = java.util.Arrays.copyOf(full, full.length + n);
            System.arraycopy(junk, 0, withJunk, full.length, n);
            Path dir = Files.createTempDirectory(root, "junk");
            copyDir(src, dir);
            Files.write(segmentFile(dir, 0), withJunk);
            try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
                assertThat(j.recovery().truncatedBytes()).isEqualTo(n);
                assertThat(items(readAll(j.cursor("r")))).isEqualTo(Samples.items(0, 20));
            }
        }
        // zeros, as a preallocating file system might leave
        byte[] zeros = java.util.Arrays.copyOf(full, full.length + 4096);
        Path dir = Files.createTempDirectory(root, "zeros");
        copyDir(src, dir);
        Files.write(segmentFile(dir, 0), zeros);
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(items(readAll(j.cursor("r")))).isEqualTo(Samples.items(0, 20));
        }
    }

    @Test
    void aHalfWrittenAppendDisappearsWhole() throws Exception {
        Path src = root.resolve("src");
        long batchStart;
        List<Long> frameEnds = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(opts(src))) {
            j.append(Samples.items(0, 3));
            batchStart = Files.size(segmentFile(src, 0));
            j.append(Samples.items(3, 4));
        }
        byte[] full = Files.readAllBytes(segmentFile(src, 0));
        long at = batchStart;
        while (at < full.length) {
            int len = java.nio.ByteBuffer.wrap(full, (int) at, 4).getInt();
            at += Frames.HEADER + len;
            frameEnds.add(at);
        }
        assertThat(frameEnds).hasSize(4).last().isEqualTo((long) full.length);
        // cut after each complete record of the second append but the last, and inside each one
        for (long cut = batchStart; cut < full.length; cut++) {
            Path dir = Files.createTempDirectory(root, "half");
            copyDir(src, dir);
            Files.write(segmentFile(dir, 0), java.util.Arrays.copyOf(full, (int) cut));
            try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
                assertThat(items(readAll(j.cursor("r")))).as("cut at " + cut).isEqualTo(Samples.items(0, 3));
                assertThat(j.status().nextSequence()).isEqualTo(3);
            }
        }
    }

    @Test
    void aGarbageIndexIsIgnored() throws Exception {
        Path dir = root.resolve("j");
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).indexIntervalBytes(512).retentionMaxBytes(0).build())) {
            for (int i = 0; i < 50; i++) {
                j.append(Samples.items(i * 20L, 20));
            }
        }
        Path idx = dir.resolve(String.format("%020d", 0) + Segment.INDEX_SUFFIX);
        byte[] garbage = new byte[4000];
        new Random(3).nextBytes(garbage);
        Files.write(idx, garbage);
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(j.status().nextSequence()).isEqualTo(1000);
            assertThat(items(readAll(j.cursor("r")))).isEqualTo(Samples.items(0, 1000));
            j.cursor("r").acknowledge(500);
        }
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(j.cursor("r").read(1, java.time.Duration.ZERO).get(0)).isEqualTo(new UplinkEntry(501, Samples.item(501)));
        }
    }

    @Test
    void startUpScansOnlyTheTailAfterTheLastIndexEntry() throws Exception {
        Path dir = root.resolve("big");
        JournalOptions o = JournalOptions.builder(dir).indexIntervalBytes(4096).segmentBytes(64 * JournalOptions.MIB)
                .retentionMaxBytes(0).build();
        Path crashCopy = root.resolve("crash");
        try (SegmentJournal j = SegmentJournal.open(o)) {
            for (int i = 0; i < 400; i++) {
                j.append(Samples.items(i * 50L, 50));
            }
            // the files as a kill -9 would leave them: no index entry written at close
            copyDir(dir, crashCopy);
        }
        long segmentBytes = Files.size(segmentFile(dir, 0));
        assertThat(segmentBytes).isGreaterThan(500_000);
        try (SegmentJournal j = SegmentJournal.open(o)) { // after a clean close: only the last append
            assertThat(j.recovery().scannedBytes()).isLessThan(4096);
        }
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(crashCopy).indexIntervalBytes(4096)
                .segmentBytes(64 * JournalOptions.MIB).retentionMaxBytes(0).build())) { // after a crash: up to an interval plus one append
            assertThat(j.recovery().scannedBytes()).isLessThan(4096 + 3000);
            assertThat(j.status().nextSequence()).isEqualTo(20_000);
        }
        Files.delete(dir.resolve(String.format("%020d", 0) + Segment.INDEX_SUFFIX));
        try (SegmentJournal j = SegmentJournal.open(o)) { // without its index: the whole last segment, still not more
            assertThat(j.recovery().scannedBytes()).isEqualTo(segmentBytes - j.segmentFor(0).getValue().header().length());
            assertThat(j.status().nextSequence()).isEqualTo(20_000);
        }
    }

    @Test
    void aDamagedSegmentHeaderStopsTheOpenWithAClearMessage() throws Exception {
        Path dir = root.resolve("hdr");
        writeTwentyRecords(dir);
        byte[] b = Files.readAllBytes(segmentFile(dir, 0));
        b[12] ^= 1; // inside the first sequence field
        Files.write(segmentFile(dir, 0), b);
        assertThatThrownBy(() -> SegmentJournal.open(opts(dir))).isInstanceOf(JournalException.class)
                .hasMessageContaining(Segment.fileName(0)).hasMessageContaining("damaged");
        // the directory is not left locked
        b[12] ^= 1;
        Files.write(segmentFile(dir, 0), b);
        SegmentJournal.open(opts(dir)).close();
    }

    @Test
    void anUnfinishedSegmentCreationIsRemoved() throws Exception {
        Path dir = root.resolve("tmp");
        writeTwentyRecords(dir);
        Files.write(dir.resolve(Segment.fileName(20) + SegmentJournal.TMP_SUFFIX), new byte[] {1, 2, 3});
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            assertThat(j.status().nextSequence()).isEqualTo(20);
        }
        assertThat(dir.resolve(Segment.fileName(20) + SegmentJournal.TMP_SUFFIX)).doesNotExist();
    }

    @Test
    void sequencesNeverGoBackBelowWhatAConsumerAcknowledged() throws Exception {
        Path dir = root.resolve("lost");
        writeTwentyRecords(dir); // consumer c acknowledged 10
        try (SegmentJournal j = SegmentJournal.open(opts(dir))) {
            j.cursor("c").acknowledge(19);
        }
        // an operator deletes the segments; the cursor files stay
        Files.delete(segmentFile(dir, 0));
        List<String> notices = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(JournalOptions.builder(dir).retentionMaxBytes(0).notices(notices::add).build())) {
            assertThat(j.append(Samples.items(0, 1)).get(0).sequence()).isEqualTo(20);
        }
        assertThat(notices).anyMatch(n -> n.contains("acknowledged up to 19"));
    }

    @Test
    void recordsAcrossSegmentsSurviveATornTailInTheLastOne() throws Exception {
        Path dir = root.resolve("multi");
        JournalOptions o = JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(0).build();
        List<Uplink> written = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(o)) {
            for (int i = 0; i < 100; i++) {
                j.append(Samples.items(i * 5L, 5));
                written.addAll(Samples.items(i * 5L, 5));
            }
        }
        List<Long> bases = SegmentJournalTest.segmentsOfDir(dir);
        Path last = segmentFile(dir, bases.get(bases.size() - 1));
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length - 3));
        try (SegmentJournal j = SegmentJournal.open(o)) {
            List<Uplink> got = items(readAll(j.cursor("r")));
            assertThat(got).isEqualTo(written.subList(0, 495));
        }
    }
}
