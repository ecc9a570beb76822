package org.metergate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * {@code bin/metergate} of the assembled distribution, run as a process the way users run it.
 */
public class LauncherIT {

    private static final Path BIN = GatewayOptions.home().resolve("bin/metergate");

    /** A started process whose output lines are collected as they come. */
    private static final class Run implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(BIN.toString()));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        all.add(line);
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String awaitLine(String prefix, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null && l.startsWith(prefix)) {
                    return l;
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; output: " + all);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    public void helpListsTheSubcommands() throws Exception {
        try (Run run = new Run("--help")) {
            assertEquals(0, run.process.waitFor());
            run.process.getInputStream().close();
            Thread.sleep(200);
            String out = String.join("\n", run.all);
            assertTrue(out, out.contains("Usage: metergate"));
            assertTrue(out, out.contains("run "));
        }
    }

    @Test
    public void runStartsTheDemoShowsItsInterfacesAndStopsCleanlyOnSigterm() throws Exception {
        Path data = Files.createTempDirectory("metergate-launcher-it-");
        try (Run run = new Run("run", "--data", data.toString())) {
            run.awaitLine("metergate ", 10);
            String up = run.awaitLine("metergate up in ", 30);
            assertTrue(up, up.contains("0 failed to start"));
            assertTrue(up, up.contains("interfaces up: [G2, M]"));
            assertTrue(run.all.toString(), run.all.contains("interface M up: Transceiver replay-demo (org.metergate.driver.replay)"));
            assertTrue(run.all.toString(), run.all.stream().anyMatch(l -> l.startsWith("interface M up: MeterLink")
                    && l.endsWith(" wmbus (org.metergate.link.wmbus)")));
            assertTrue(run.all.toString(), run.all.stream().anyMatch(l -> l.startsWith("interface G2 up: HeadEndLink")));
            Path log = data.resolve("log/metergate.log");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // logging is asynchronous
            while (!(Files.exists(log) && Files.readString(log).contains("replay transceiver replay-demo")) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertTrue("the bundles' logging reaches the data directory", Files.readString(log).contains("replay transceiver replay-demo"));

            // SIGTERM as a service manager sends it (Process.destroy would also close our end of the pipe)
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(run.process.pid())).start().waitFor());
            assertTrue("stops within 30 s", run.process.waitFor(30, TimeUnit.SECONDS));
            run.awaitLine("interface M down:", 5);
            run.awaitLine("metergate: stopped", 5);
            assertEquals("the JVM's exit status for SIGTERM", 143, run.process.exitValue());
        }
    }

    @Test
    public void anUnknownFeatureIsAClearErrorNotAStackTrace() throws Exception {
        try (Run run = new Run("run", "--feature", "no-such-feature", "--data", Files.createTempDirectory("mg").toString())) {
            assertEquals(2, run.process.waitFor());
            String line = run.awaitLine("metergate:", 5);
            assertTrue(line, line.contains("no feature file") && line.contains("no-such-feature.json"));
        }
    }

    @Test
    public void everyShippedFeatureFindsAllItsBundlesInTheDistribution() throws Exception {
        try (var files = Files.list(GatewayOptions.home().resolve("features"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).toList();
            assertTrue(names.contains("demo"));
            for (String name : names) {
                GatewayOptions.assembly(name).bundleFiles(GatewayOptions.home().resolve("bundles")); // throws naming what is missing
            }
        }
    }
}
