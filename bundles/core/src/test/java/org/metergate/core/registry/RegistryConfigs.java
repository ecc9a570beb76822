package org.metergate.core.registry;

import java.nio.file.Path;

/** Registry configurations for tests in other packages. */
public final class RegistryConfigs {

    private RegistryConfigs() {
    }

    public static RegistryConfig of(Path file, int discoveredMax) {
        return MeterRegistryServiceTest.config(file, discoveredMax);
    }
}
