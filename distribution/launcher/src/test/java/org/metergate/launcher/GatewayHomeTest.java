package org.metergate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayHomeTest {

    @Test
    void aDistributionHasBundlesFeaturesAndConf(@TempDir Path dir) throws Exception {
        for (String d : new String[] {"bundles", "features", "conf"}) {
            Files.createDirectories(dir.resolve(d));
        }
        GatewayHome home = GatewayHome.locate(dir, null);
        assertThat(home.data()).isEqualTo(dir.toAbsolutePath().resolve("data"));
        assertThat(home.features()).isEqualTo(dir.toAbsolutePath().resolve("features"));
        assertThat(GatewayHome.locate(dir, dir.resolve("elsewhere")).data()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void anythingElseIsNamedAsNotADistribution(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bundles"));
        assertThatThrownBy(() -> GatewayHome.locate(dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Metergate distribution: it has no features/ directory");
    }
}
