package org.metergate.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of an unpacked gateway distribution: {@code bin/}, {@code lib/} (this launcher),
 * {@code bundles/<groupId>/<artifactId>-<version>.jar}, {@code features/*.json}, {@code conf/} and
 * the writable {@code data/}.
 */
record GatewayHome(Path home, Path data) {

    static final String HOME_PROPERTY = "metergate.home";
    static final String DATA_PROPERTY = "metergate.data";

    static GatewayHome locate(Path homeOption, Path dataOption) {
        Path home = homeOption;
        if (home == null) {
            String prop = System.getProperty(HOME_PROPERTY);
            if (prop == null || prop.isBlank()) {
                throw new IllegalArgumentException("no gateway home: start through bin/metergate or give --home");
            }
            home = Path.of(prop);
        }
        home = home.toAbsolutePath().normalize();
        for (String dir : new String[] {"bundles", "features", "conf"}) {
            if (!Files.isDirectory(home.resolve(dir))) {
                throw new IllegalArgumentException(home + " is not a Metergate distribution: it has no " + dir + "/ directory");
            }
        }
        Path data = dataOption == null ? home.resolve("data") : dataOption.toAbsolutePath().normalize();
        return new GatewayHome(home, data);
    }

    Path bundles() {
        return home.resolve("bundles");
    }

    Path features() {
        return home.resolve("features");
    }

    Path conf() {
        return home.resolve("conf");
    }
}
