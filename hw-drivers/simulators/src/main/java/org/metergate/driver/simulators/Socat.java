package org.metergate.driver.simulators;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A pseudo-terminal pair made by {@code socat}: the driver under test opens {@link #devicePath()} as its serial port,
 * a device simulator opens {@link #simulatorPath()}. Killing the pair makes the device vanish (socat removes its links,
 * reads on the driver's side fail); {@link #restart()} brings it back on the same link paths, as a replugged stick
 * would come back under its {@code /dev/serial/by-id} name.
 */
public final class Socat implements AutoCloseable {

    private final Path dir;
    private final Path device;
    private final Path simulator;
    private Process process;

    private Socat(Path dir) {
        this.dir = dir;
        this.device = dir.resolve("dev");
        this.simulator = dir.resolve("sim");
    }

    /** True when socat is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test (JUnit assumption) when socat is missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "socat is not on the PATH: serial I/O tests need it "
                + "(Debian: apt-get install socat; .ci/run installs it)");
    }

    /** Starts a pair with links {@code dir/dev} and {@code dir/sim}; waits until both exist. */
    public static Socat start(Path dir) throws IOException, InterruptedException {
        Socat s = new Socat(dir);
        s.launch();
        return s;
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + simulator));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("socat.log").toFile());
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(device) && Files.exists(simulator))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with " + process.exitValue() + ", see " + dir.resolve("socat.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not create its links within 5 s");
            }
            Thread.sleep(10);
        }
    }

    public Path devicePath() {
        return device;
    }

    public Path simulatorPath() {
        return simulator;
    }

    /** The device vanishes: socat is killed and its links disappear. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while ((Files.exists(device) || Files.exists(simulator)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The device comes back: a new pair on the same link paths. */
    public void restart() throws IOException, InterruptedException {
        kill();
        launch();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
