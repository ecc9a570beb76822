package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metergate.store.log.SegmentJournalTest.items;
import static org.metergate.store.log.SegmentJournalTest.readAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalException;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.Samples;

/**
 * The disk refuses: a failed write (disk full) fails only the appends it carried and is taken back;
 * a failed segment creation fails the appends for that segment and is tried again; a failed fsync
 * stops the journal (after it nobody knows what is on disk) until it is reopened. Nothing that was
 * acknowledged is lost, nothing unacknowledged is ever read.
 */
class IoFailureTest {

    @TempDir
    Path dir;

    /** Throws once at the chosen step, then lets everything through. */
    static final class Once implements SegmentJournal.Faults {
        volatile String failAt;

        @Override
        public void beforeCreate(Path segment) throws IOException {
            hit("create");
        }

        @Override
        public void beforeWrite(Path segment) throws IOException {
            hit("write");
        }

        @Override
        public void beforeSync(Path segment) throws IOException {
            hit("sync");
        }

        private void hit(String step) throws IOException {
            if (step.equals(failAt)) {
                failAt = null;
                throw new IOException("No space left on device (injected at " + step + ")");
            }
        }
    }

    private JournalOptions.Builder options() {
        return JournalOptions.builder(dir).segmentBytes(4096).retentionMaxBytes(0).retentionMaxAge(null);
    }

    @Test
    void aFailedWriteFailsItsAppendOnlyAndTheJournalGoesOn() throws Exception {
        List<Uplink> kept = new ArrayList<>();
        Once faults = new Once();
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            j.faults = faults;
            j.append(Samples.items(0, 3));
            kept.addAll(Samples.items(0, 3));
            long sizeBefore = Files.size(dir.resolve(Segment.fileName(0)));
            faults.failAt = "write";
            assertThatThrownBy(() -> j.append(Samples.items(3, 2))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("cannot write").hasMessageContaining("No space left");
            assertThat(Files.size(dir.resolve(Segment.fileName(0)))).isEqualTo(sizeBefore);
            List<UplinkEntry> after = j.append(Samples.items(5, 2));
            kept.addAll(Samples.items(5, 2));
            assertThat(after.get(0).sequence()).isEqualTo(5); // the failed append's sequences are not reused
            assertThat(items(readAll(j.cursor("r")))).isEqualTo(kept);
        }
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            assertThat(items(readAll(j.cursor("r2")))).isEqualTo(kept);
            assertThat(j.status().nextSequence()).isEqualTo(7);
        }
    }

    @Test
    void aFailedSegmentCreationFailsItsAppendsAndIsTriedAgain() throws Exception {
        Once faults = new Once();
        List<Uplink> kept = new ArrayList<>();
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            j.faults = faults;
            for (int i = 0; Files.size(dir.resolve(Segment.fileName(0))) < 4096; i++) { // fill the first segment
                j.append(Samples.items(i * 5L, 5));
                kept.addAll(Samples.items(i * 5L, 5));
            }
            assertThat(j.stats().segments()).isEqualTo(1);
            faults.failAt = "create"; // the next append starts the second segment
            assertThatThrownBy(() -> j.append(Samples.items(1000, 5))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("cannot start journal segment");
            j.append(Samples.items(2000, 5));
            kept.addAll(Samples.items(2000, 5));
            assertThat(j.stats().segments()).isEqualTo(2);
            assertThat(items(readAll(j.cursor("r")))).isEqualTo(kept);
        }
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            assertThat(items(readAll(j.cursor("r2")))).isEqualTo(kept);
        }
    }

    @Test
    void aFailedSyncStopsTheJournalUntilItIsReopened() throws Exception {
        Once faults = new Once();
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            j.faults = faults;
            j.append(Samples.items(0, 3));
            j.cursor("r").acknowledge(1);
            faults.failAt = "sync";
            assertThatThrownBy(() -> j.append(Samples.items(3, 2))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("cannot sync");
            assertThatThrownBy(() -> j.append(Samples.items(5, 2))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("stopped after an I/O error");
            // what was synced stays readable; the unsynced append is not shown
            assertThat(items(readAll(j.cursor("r")))).isEqualTo(Samples.items(2, 1));
        }
        try (SegmentJournal j = SegmentJournal.open(options().build())) {
            // the process survived, so the written (unsynced) append is in the page cache: the pipeline
            // was told it failed, so it may come again: at least once, never lost
            List<Uplink> all = items(readAll(j.cursor("r3")));
            assertThat(all.subList(0, 3)).isEqualTo(Samples.items(0, 3));
            assertThat(j.append(Samples.items(10, 1)).get(0).sequence()).isEqualTo(all.size());
        }
    }
}
