package org.metergate.driver.rtlwmbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured command line with {@code /bin/sh -c} and reads its standard output; its standard error is
 * logged, and its last line given as the reason when the command ends. Closing kills the command and its children
 * (both ends of an {@code rtl_sdr | rtl_wmbus} pipe).
 */
final class ProcessSession extends LineSession {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSession.class);

    private final Process process;
    private volatile String lastError = "";

    private ProcessSession(RtlWmbusTransceiver owner, Process process, String id) {
        super(owner);
        this.process = process;
        Thread err = new Thread(() -> drain(process.getErrorStream(), id), "metergate-rtlwmbus-stderr-" + id);
        err.setDaemon(true);
        err.start();
    }

    static ProcessSession start(RtlWmbusTransceiver owner, RtlWmbusSettings settings) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", settings.command()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // nothing to say to it
        LOG.info("{}: started '{}' (pid {})", settings.id(), settings.command(), p.pid());
        return new ProcessSession(owner, p, settings.id());
    }

    private void drain(InputStream err, String id) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lastError = line.length() > 200 ? line.substring(0, 200) : line;
                    LOG.info("{} stderr: {}", id, lastError);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override
    protected InputStream stream() {
        return process.getInputStream();
    }

    @Override
    protected void endOfStream() throws IOException, InterruptedException {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            throw new IOException("the command closed its output but is still running");
        }
        Thread.sleep(20); // let the stderr reader take the last line
        String why = lastError.isEmpty() ? "" : ": " + lastError;
        throw new IOException("the command exited with code " + process.exitValue() + why);
    }

    @Override
    public void close() {
        closed = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
