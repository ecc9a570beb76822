package org.metergate.benchmarks.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.reading.UplinkEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A consumer reading through its cursor: each operation reads 1,000 entries (decoded readings) of a
 * journal of 1,000,000; at the end it rewinds. The score is entries per second.
 *
 * <pre>java -jar itests/benchmarks/target/benchmarks.jar JournalReadBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalReadBenchmark {

    static final int BATCH = 1000;

    @Param({"segment", "mvstore"})
    public String store;

    Journal journal;
    JournalCursor cursor;
    Path dir;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Files.createTempDirectory("journal-read-" + store);
        journal = Stores.open(store, dir);
        Stores.fill(journal, 1_000_000);
        cursor = journal.cursor("bench");
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        Stores.close(journal);
        Stores.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<UplinkEntry> read() throws Exception {
        List<UplinkEntry> got = cursor.read(BATCH, Duration.ZERO);
        if (got.size() < BATCH) {
            cursor.rewind();
            got = cursor.read(BATCH, Duration.ZERO);
        }
        return got;
    }
}
