package org.metergate.pkg.firmware;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.metergate.pkg.DurableFiles;

/**
 * The firmware directory below a data directory: {@code boot.properties}, the slot directories and
 * the restart request. Writes are atomic and durable (temporary file, fsync, rename, fsync of the
 * directory): a power cut leaves the old or the new state, never a torn one.
 */
public final class BootStateFile {

    public static final String DIRECTORY = "firmware";
    public static final String FILE = "boot.properties";
    public static final String RESTART = "restart";

    private final Path dir;

    public BootStateFile(Path dataDirectory) {
        this.dir = dataDirectory.resolve(DIRECTORY);
    }

    public Path directory() {
        return dir;
    }

    /** Where a slot's distribution is; {@code factory} has none here. */
    public Path slot(String slot) {
        if (!(slot.equals(BootState.A) || slot.equals(BootState.B))) {
            throw new IllegalArgumentException("only slots a and b are below the firmware directory: " + slot);
        }
        return dir.resolve(slot);
    }

    /** True once a firmware update has written a state. */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** The state, {@link BootState#initial()} when none was written. */
    public BootState read() throws IOException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(dir.resolve(FILE), StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException e) {
            return BootState.initial();
        }
        try {
            Map<String, String> versions = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("version.")) {
                    versions.put(name.substring("version.".length()), p.getProperty(name));
                }
            }
            return new BootState(p.getProperty("good", BootState.FACTORY), optional(p, "trial"),
                    Integer.parseInt(p.getProperty("tries", "0")), Integer.parseInt(p.getProperty("maxTries", "1")),
                    optional(p, "failed"), p.getProperty("failedReason", ""), versions);
        } catch (IllegalArgumentException e) {
            throw new IOException("firmware boot state " + dir.resolve(FILE) + " is invalid: " + e.getMessage(), e);
        }
    }

    private static Optional<String> optional(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public void write(BootState s) throws IOException {
        Properties p = new Properties();
        p.setProperty("good", s.good());
        s.trial().ifPresent(t -> p.setProperty("trial", t));
        p.setProperty("tries", Integer.toString(s.tries()));
        p.setProperty("maxTries", Integer.toString(s.maxTries()));
        s.failed().ifPresent(f -> p.setProperty("failed", f));
        if (!s.failedReason().isEmpty()) {
            p.setProperty("failedReason", s.failedReason());
        }
        s.versions().forEach((slot, v) -> p.setProperty("version." + slot, v));
        StringWriter w = new StringWriter();
        p.store(w, null);
        // store() escapes every entry onto one line; sorted lines give a stable file that diffs well
        StringBuilder text = new StringBuilder("# Metergate firmware boot state (the launcher and the provisioning bundle write it)\n");
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> text.append(l).append('\n'));
        DurableFiles.write(dir.resolve(FILE), text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Asks the launcher to restart (into the trial slot) when the framework stops. */
    public void requestRestart() throws IOException {
        DurableFiles.write(dir.resolve(RESTART), "restart into the firmware on trial\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a restart was requested; the request is consumed. */
    public boolean takeRestartRequest() throws IOException {
        return Files.deleteIfExists(dir.resolve(RESTART));
    }
}
