package org.metergate.core;

import java.nio.file.Path;

/** Where the gateway keeps its state: the directory the launcher publishes as {@code metergate.data}. */
public final class DataDirectory {

    public static final String PROPERTY = "metergate.data";

    private DataDirectory() {
    }

    /** {@code configured} when it is not blank, else {@code <metergate.data>/<defaultPath>}. */
    public static Path fileOrDefault(String configured, String defaultPath) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty(PROPERTY, "data")).resolve(defaultPath);
    }
}
