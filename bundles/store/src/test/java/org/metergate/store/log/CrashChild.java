package org.metergate.store.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.testing.Samples;

/**
 * The process {@link CrashTest} kills: opens the journal, appends from several threads as fast as
 * it can and prints, after each append has returned, which batch got which sequences; a consumer
 * reads and acknowledges and prints what it acknowledged. A line printed is a promise the journal
 * made. Runs until it is killed.
 *
 * <pre>
 * OPEN &lt;next sequence&gt;
 * A &lt;run&gt; &lt;thread&gt; &lt;batch&gt; &lt;first sequence&gt; &lt;count&gt;
 * K &lt;acknowledged sequence&gt;
 * </pre>
 */
public final class CrashChild {

    static final String CONSUMER = "crash-consumer";
    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private CrashChild() {
    }

    /** The options parent and child both use: small segments, so kills also hit segment changes. */
    static JournalOptions options(Path dir) {
        return JournalOptions.builder(dir).segmentBytes(256 * 1024).indexIntervalBytes(4096).retentionMaxBytes(0)
                .retentionMaxAge(null).build();
    }

    /** The items of one batch: what the parent expects at the printed sequences. */
    static List<Uplink> batch(int run, int thread, long batch) {
        int count = 1 + (int) Math.floorMod((run * 31L + thread) * 7919L + batch * 104_729L, 30L);
        return Samples.items(((run * 16L + thread) * 1_000_000L + batch) * 32L, count);
    }

    /** One line in one write: a pipe never splits writes under 4 KiB, so the parent sees whole lines or none. */
    static void say(String line) {
        byte[] b = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        synchronized (OUT) {
            try {
                OUT.write(b);
                OUT.flush();
            } catch (IOException e) {
                System.exit(3);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int run = Integer.parseInt(args[2]);
        SegmentJournal j = SegmentJournal.open(options(dir));
        say("OPEN " + j.status().nextSequence());
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            ts.add(new Thread(() -> {
                try {
                    for (long k = 0;; k++) {
                        List<Uplink> items = batch(run, thread, k);
                        List<UplinkEntry> e = j.append(items);
                        say("A " + run + " " + thread + " " + k + " " + e.get(0).sequence() + " " + e.size());
                    }
                } catch (Exception e) {
                    System.err.println("appender " + thread + ": " + e);
                    System.exit(2);
                }
            }, "appender-" + t));
        }
        ts.add(new Thread(() -> {
            try {
                JournalCursor c = j.cursor(CONSUMER);
                Random rnd = new Random(run);
                while (true) {
                    List<UplinkEntry> got = c.read(1 + rnd.nextInt(500), Duration.ofMillis(50));
                    if (!got.isEmpty()) {
                        long last = got.get(got.size() - 1).sequence();
                        c.acknowledge(last);
                        say("K " + last);
                    }
                }
            } catch (Exception e) {
                System.err.println("consumer: " + e);
                System.exit(2);
            }
        }, "consumer"));
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
    }
}
