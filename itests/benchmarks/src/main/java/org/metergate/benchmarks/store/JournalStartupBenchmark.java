package org.metergate.benchmarks.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.metergate.api.journal.Journal;
import org.metergate.api.reading.UplinkEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up against the journal's size: open (recover) a journal of {@code records} readings, read
 * the first entry through a consumer's cursor, close. {@code segment-noindex} deletes the last
 * segment's index side file before every open: the worst case after a crash, where recovery scans
 * the whole last segment (bounded by the segment size, 16 MiB, not by the journal).
 *
 * <pre>java -jar itests/benchmarks/target/benchmarks.jar JournalStartupBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class JournalStartupBenchmark {

    @Param({"segment", "segment-noindex", "mvstore"})
    public String store;

    @Param({"10000", "1000000"})
    public int records;

    Path dir;

    private String kind() {
        return store.startsWith(Stores.SEGMENT) ? Stores.SEGMENT : store;
    }

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Files.createTempDirectory("journal-startup-" + store);
        Journal j = Stores.open(kind(), dir);
        Stores.fill(j, records);
        Stores.close(j);
    }

    @Setup(Level.Invocation)
    public void loseIndex() throws Exception {
        if (store.equals("segment-noindex")) {
            try (Stream<Path> s = Files.list(dir)) {
                Path last = s.filter(p -> p.toString().endsWith(".idx")).sorted().reduce((a, b) -> b).orElseThrow();
                Files.delete(last);
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws Exception {
        Stores.delete(dir);
    }

    @Benchmark
    public List<UplinkEntry> openAndReadFirst() throws Exception {
        Journal j = Stores.open(kind(), dir);
        try {
            List<UplinkEntry> first = j.cursor("startup").read(1, Duration.ZERO);
            if (first.isEmpty() || j.status().nextSequence() != records) {
                throw new IllegalStateException("journal of " + records + " reopened as " + j.status());
            }
            return first;
        } finally {
            Stores.close(j);
        }
    }
}
