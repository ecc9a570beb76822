package org.metergate.benchmarks.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metergate.benchmarks.core.Traffic;

/**
 * Starts the real gateway ({@code bin/metergate run}, demo feature) as a process and reports what an
 * OEM sizes hardware by: time from JVM start to the first journaled reading, live heap after a full
 * GC and resident set size, with 0 and with 10,000 installed meters; then the sustained rate of
 * telegrams decoded and journaled when the replay transceiver plays generated traffic (half the
 * meters encrypted, every telegram different) as fast as the pipeline takes it.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java [-Dharness.jvm="JVM options"] [-Dharness.only=footprint|throughput] -cp itests/benchmarks/target/benchmarks.jar org.metergate.benchmarks.footprint.FootprintHarness [distribution dir]
 * </pre>
 *
 * Not a test: it measures, it does not judge. The gateway runs with a production-like logging
 * configuration (no log line per telegram).
 */
public final class FootprintHarness {

    private static final Pattern FIRST = Pattern.compile("first reading journaled (\\d+) ms after the JVM started");
    private static final Pattern RATE = Pattern.compile("pipeline: (\\d+) telegrams decoded and journaled in (\\d+) ms \\((\\d+) per second\\)");

    private final Path home;
    private final Path logback;

    private FootprintHarness(Path home, Path logback) {
        this.home = home;
        this.logback = logback;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : "distribution/target/metergate").toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/metergate"))) {
            throw new IllegalArgumentException(home + " is not a built gateway (run mvn -DskipTests package first)");
        }
        Path logback = Files.createTempFile("logback-production", ".xml");
        try (InputStream in = FootprintHarness.class.getResourceAsStream("logback-production.xml")) {
            Files.copy(in, logback, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        FootprintHarness h = new FootprintHarness(home, logback);
        String only = System.getProperty("harness.only", "");
        if (!only.equals("throughput")) {
            System.out.printf("%-26s %12s %12s %12s%n", "installed meters", "first ms", "live heap", "RSS");
            for (int meters : new int[] {0, 10_000}) {
                h.footprint(meters);
            }
        }
        if (!only.equals("footprint")) {
            h.throughput(1000, 3_000_000);
        }
    }

    private void footprint(int meters) throws Exception {
        Path data = Files.createTempDirectory("metergate-footprint-");
        if (meters > 0) {
            writeRegistry(data, meters);
            // let this JVM's JIT finish with the writing before the gateway starts: on 2 cores its
            // compiler threads would otherwise compete with the gateway's start-up being measured
            Thread.sleep(3_000);
        }
        Process p = start(data, List.of());
        try {
            long first = awaitLog(data, FIRST, 60).map(m -> Long.parseLong(m.group(1))).orElse(-1L);
            Thread.sleep(15_000); // the demo recording plays: the gateway is at work, not just started
            long live = liveHeapAfterGc(p.pid());
            long rss = rssKb(p.pid());
            System.out.printf("%-26s %12d %9.1f MB %9.1f MB%n", meters, first, live / 1048576.0, rss / 1024.0);
        } finally {
            stop(p);
        }
    }

    private void throughput(int meters, int telegrams) throws Exception {
        Path data = Files.createTempDirectory("metergate-throughput-");
        Traffic traffic = new Traffic(meters);
        Path replay = data.resolve("traffic.replay");
        Path keys = data.resolve("traffic-keys.txt");
        traffic.writeReplayFile(replay, telegrams);
        traffic.writeKeyFile(keys);
        Process p = start(data, List.of(
                "--set", "org.metergate.driver.replay~demo:file=" + replay,
                "--set", "org.metergate.driver.replay~demo:speed=0",
                "--set", "org.metergate.security.keystore:import.file=" + keys));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            List<Long> rates = new ArrayList<>();
            long total = 0;
            while (total < telegrams * 95L / 100 && System.nanoTime() < deadline) {
                Thread.sleep(2000);
                rates.clear();
                total = 0;
                Path log = data.resolve("log/metergate.log");
                if (!Files.exists(log)) {
                    continue; // still starting
                }
                for (String line : Files.readAllLines(log)) {
                    Matcher m = RATE.matcher(line);
                    if (m.find()) {
                        rates.add(Long.parseLong(m.group(3)));
                        total += Long.parseLong(m.group(1));
                    }
                }
            }
            long rss = rssKb(p.pid());
            // the windows after the first (start-up) and before the last (the tail of the file) are full
            // 10 s of traffic: their rates are the sustained rate
            List<Long> full = rates.size() > 2 ? rates.subList(1, rates.size() - 1) : rates;
            long min = full.stream().mapToLong(Long::longValue).min().orElse(0);
            double mean = full.stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("%nthroughput: %d telegrams of %d meters (half encrypted, mode 5), %d journaled so far%n",
                    telegrams, meters, total);
            System.out.printf("sustained decode + journal rate over %d full 10 s windows: mean %.0f/s, lowest %d/s (RSS %.1f MB)%n",
                    full.size(), mean, min, rss / 1024.0);
        } finally {
            stop(p);
        }
    }

    private Process start(Path data, List<String> extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/metergate").toString(), "run", "--data", data.toString()));
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("console.txt").toFile());
        // extra JVM options to compare (e.g. -Dharness.jvm="-XX:TieredStopAtLevel=4"); later options win
        pb.environment().put("METERGATE_JAVA_OPTS", "-Dlogback.configurationFile=" + logback + " "
                + System.getProperty("harness.jvm", ""));
        return pb.start();
    }

    private static void stop(Process p) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static java.util.Optional<Matcher> awaitLog(Path data, Pattern pattern, int seconds) throws Exception {
        Path log = data.resolve("log/metergate.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return java.util.Optional.of(m);
                    }
                }
            }
            Thread.sleep(100);
        }
        return java.util.Optional.empty();
    }

    /** Live objects after the full GC that {@code jcmd GC.class_histogram} runs first: its Total line. */
    static long liveHeapAfterGc(long pid) throws Exception {
        Process j = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        j.waitFor();
        Matcher m = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no histogram total from jcmd: " + out);
        }
        return Long.parseLong(m.group(2));
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** Installed meters in the registry's file format, one JSON line each. */
    private static void writeRegistry(Path data, int meters) throws IOException {
        Path dir = data.resolve("registry");
        Files.createDirectories(dir);
        String now = Instant.now().toString();
        try (Writer w = Files.newBufferedWriter(dir.resolve("meters.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < meters; i++) {
                w.write("{\"op\":\"install\",\"manufacturer\":\"QUI\",\"id\":\"" + String.format("%08d", i)
                        + "\",\"version\":1,\"type\":7,\"label\":\"flat " + i + "\",\"owner\":\"consumer " + i
                        + "\",\"keyReference\":\"\",\"expectedInterval\":\"PT4H\",\"installed\":\"" + now + "\"}\n");
            }
        }
    }
}
