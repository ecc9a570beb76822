package org.metergate.benchmarks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalException;
import org.metergate.store.log.Durability;
import org.metergate.store.log.JournalOptions;
import org.metergate.store.log.SegmentJournal;

/** Opens either candidate the same way, with durability on. */
final class Stores {

    static final String SEGMENT = "segment";
    static final String MVSTORE = "mvstore";

    private Stores() {
    }

    static Journal open(String kind, Path dir) throws JournalException {
        return switch (kind) {
            case SEGMENT -> SegmentJournal.open(JournalOptions.builder(dir).durability(Durability.GROUP_COMMIT)
                    .retentionMaxBytes(0).retentionMaxAge(null).build());
            case MVSTORE -> new MvStoreJournal(dir.resolve("journal.mv.db"));
            default -> throw new IllegalArgumentException("unknown store " + kind);
        };
    }

    static void close(Journal j) throws Exception {
        ((AutoCloseable) j).close();
    }

    /** Appends {@code readings} readings in batches of 1,000 (what a busy pipeline does). */
    static void fill(Journal j, int readings) throws JournalException {
        Random rnd = new Random(42);
        for (int done = 0; done < readings; done += 1000) {
            j.append(Telegrams.batch(rnd, Math.min(1000, readings - done) / Telegrams.READINGS_PER_TELEGRAM));
        }
    }

    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
