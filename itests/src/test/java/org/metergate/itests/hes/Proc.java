package org.metergate.itests.hes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A child process whose output lines are collected as they come. */
final class Proc implements AutoCloseable {

    final Process process;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    Proc(List<String> cmd) throws IOException {
        this(cmd, Map.of());
    }

    /** With {@code env} added to the environment. */
    Proc(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the process to end and for its last output line; its exit status. */
    int exit() throws InterruptedException {
        int status = process.waitFor();
        reader.join(5000);
        return status;
    }

    List<String> snapshot() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    void await(String what, long seconds, Predicate<List<String>> done) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (done.test(snapshot())) {
                return;
            }
            Thread.sleep(200);
        }
        List<String> all = snapshot();
        throw new AssertionError(what + " not within " + seconds + " s; last output: " + all.subList(Math.max(0, all.size() - 30), all.size()));
    }

    void signal(String sig) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
