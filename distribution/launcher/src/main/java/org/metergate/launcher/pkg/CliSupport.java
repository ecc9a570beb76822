package org.metergate.launcher.pkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a command finds the distribution it belongs to. */
final class CliSupport {

    /** The system property bin/metergate sets to the distribution's directory. */
    static final String HOME_PROPERTY = "metergate.home";

    private CliSupport() {
    }

    static Optional<Path> home() {
        String h = System.getProperty(HOME_PROPERTY);
        return h == null || h.isBlank() ? Optional.empty() : Optional.of(Path.of(h));
    }

    /** The distribution's trust directory, if there is one. */
    static Optional<Path> defaultTrustDir() {
        return home().map(h -> h.resolve("conf/trust")).filter(Files::isDirectory);
    }
}
