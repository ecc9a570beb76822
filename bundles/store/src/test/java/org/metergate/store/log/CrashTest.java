package org.metergate.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;

/**
 * Issue 5, point 8: the journal under load is killed with {@code kill -9} at random moments, again
 * and again, and every append that had returned (the child printed its sequences) must be there
 * after the restart, with exactly its content; no torn record may be read; sequences never repeat;
 * the consumer resumes after what it acknowledged. The child is a real JVM on the same class path,
 * killed by SIGKILL ({@link Process#destroyForcibly()} on Linux).
 *
 * <p>Kills: {@code -Dmetergate.store.crashtest.kills=N} (default 12 in the normal build).
 */
class CrashTest {

    private static final int THREADS = 4;

    @TempDir
    Path dir;

    /** Collects the child's output; only lines ended by a newline count (a kill can cut the last one). */
    private static final class Output extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Output(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try {
                for (int n; (n = in.read(b)) >= 0;) {
                    synchronized (buf) {
                        buf.write(b, 0, n);
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.US_ASCII);
            }
        }

        List<String> completeLines() {
            String s = text();
            int end = s.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(s.substring(0, end).split("\n"));
        }
    }

    @Test
    void everyAcknowledgedAppendSurvivesKillMinus9() throws Exception {
        int kills = Integer.getInteger("metergate.store.crashtest.kills", 12);
        long seed = Long.getLong("metergate.store.crashtest.seed", System.nanoTime());
        Random rnd = new Random(seed);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Map<Long, Uplink> promised = new HashMap<>();
        long consumerAcked = -1;
        long maxPromised = -1;
        int runsWithAppends = 0;
        long recoveredTruncations = 0;
        long started = System.nanoTime();
        for (int run = 0; run < kills; run++) {
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp,
                    CrashChild.class.getName(), dir.toString(), Integer.toString(THREADS), Integer.toString(run))
                    .redirectError(dir.resolveSibling(dir.getFileName() + "-child-" + run + ".err").toFile())
                    .start();
            Output out = new Output(p.getInputStream());
            out.start();
            // at a random moment: sometimes while the JVM starts or the journal recovers, mostly under load
            if (rnd.nextInt(4) == 0) {
                Thread.sleep(50 + rnd.nextInt(700));
            } else {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!out.text().contains("\nA ") && System.nanoTime() < deadline && p.isAlive()) {
                    Thread.sleep(5);
                }
                Thread.sleep(rnd.nextInt(600));
            }
            if (!p.isAlive()) {
                fail("the child ended by itself (exit " + p.exitValue() + "): " + out.text());
            }
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            out.join(5000);

            boolean appended = false;
            for (String line : out.completeLines()) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "OPEN" -> assertThat(Long.parseLong(f[1])).as("run " + run + " continues after every promised sequence")
                            .isGreaterThan(maxPromised);
                    case "A" -> {
                        appended = true;
                        List<Uplink> items = CrashChild.batch(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]));
                        long first = Long.parseLong(f[4]);
                        assertThat(Integer.parseInt(f[5])).isEqualTo(items.size());
                        for (int i = 0; i < items.size(); i++) {
                            Uplink before = promised.put(first + i, items.get(i));
                            assertThat(before).as("sequence " + (first + i) + " promised twice").isNull();
                            maxPromised = Math.max(maxPromised, first + i);
                        }
                    }
                    case "K" -> consumerAcked = Math.max(consumerAcked, Long.parseLong(f[1]));
                    default -> fail("unexpected child output: " + line);
                }
            }
            if (appended) {
                runsWithAppends++;
            }

            try (SegmentJournal j = SegmentJournal.open(CrashChild.options(dir))) {
                recoveredTruncations += j.recovery().truncatedBytes() > 0 ? 1 : 0;
                assertThat(j.status().nextSequence()).isGreaterThan(maxPromised);
                assertThat(j.cursor(CrashChild.CONSUMER).acknowledged()).as("the consumer's acknowledgement survived")
                        .isGreaterThanOrEqualTo(consumerAcked);
                JournalCursor all = j.cursor("verifier");
                all.rewind();
                int found = 0;
                long prev = -1;
                while (true) {
                    List<UplinkEntry> got = all.read(10_000, Duration.ZERO);
                    if (got.isEmpty()) {
                        break;
                    }
                    for (UplinkEntry e : got) {
                        assertThat(e.sequence()).isGreaterThan(prev);
                        prev = e.sequence();
                        Uplink expected = promised.get(e.sequence());
                        if (expected != null) {
                            assertThat(e.item()).as("content of sequence " + e.sequence()).isEqualTo(expected);
                            found++;
                        }
                    }
                }
                assertThat(found).as("run " + run + ": every promised record is there").isEqualTo(promised.size());
            }
        }
        String summary = String.format("crash test: %d kill -9, %d of them under load, %d promised records all found with"
                + " intact content after every restart, %d recoveries cut a torn tail, consumer acknowledged up to %d,"
                + " %.1f s (seed %d)", kills, runsWithAppends, promised.size(), recoveredTruncations, consumerAcked,
                (System.nanoTime() - started) / 1e9, seed);
        System.out.println(summary);
        assertThat(runsWithAppends).as("most kills must hit a journal under load").isGreaterThanOrEqualTo(kills / 2);
    }
}
