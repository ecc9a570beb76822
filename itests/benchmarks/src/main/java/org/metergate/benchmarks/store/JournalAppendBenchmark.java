package org.metergate.benchmarks.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.metergate.api.journal.Journal;
import org.metergate.api.reading.Uplink;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends: each operation is one {@code append} of the readings of
 * {@code telegramsPerAppend} telegrams (5 readings each) that returns only when they are synced,
 * from two threads at once (the pipeline's decoders). Telegrams per second = ops/s x
 * telegramsPerAppend.
 *
 * <pre>java -jar itests/benchmarks/target/benchmarks.jar JournalAppendBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class JournalAppendBenchmark {

    @Param({"segment", "mvstore"})
    public String store;

    @Param({"1", "16", "128"})
    public int telegramsPerAppend;

    Journal journal;
    Path dir;

    @State(Scope.Thread)
    public static class Batches {
        final List<List<Uplink>> batches = new ArrayList<>();
        int next;

        @Setup(Level.Trial)
        public void make(JournalAppendBenchmark b) {
            Random rnd = new Random(Thread.currentThread().getId());
            for (int i = 0; i < 32; i++) {
                batches.add(Telegrams.batch(rnd, b.telegramsPerAppend));
            }
        }

        List<Uplink> next() {
            return batches.get(next++ & 31);
        }
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("journal-append-" + store);
        journal = Stores.open(store, dir);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        System.out.printf("%n[%s, %d telegrams/append] %d readings, %.1f MiB on disk, %.1f bytes per reading%n", store,
                telegramsPerAppend, journal.status().nextSequence(), journal.status().sizeBytes() / 1048576.0,
                journal.status().sizeBytes() / (double) Math.max(1, journal.status().nextSequence()));
        Stores.close(journal);
        Stores.delete(dir);
    }

    @Benchmark
    public List<UplinkEntry> append(Batches b) throws Exception {
        return journal.append(b.next());
    }
}
