package org.metergate.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The profiles we ship are valid features, with every version filled in by the build. */
class ShippedFeaturesTest {

    private static GatewayFeature shipped(String name) throws Exception {
        try (var in = ShippedFeaturesTest.class.getResourceAsStream("/features/" + name + ".json")) {
            assertThat(in).as("features/" + name + ".json is packed").isNotNull();
            return new FeatureReader().read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "shell", "demo"})
    void everyShippedFeatureReadsAndNamesConcreteVersions(String name) throws Exception {
        GatewayFeature f = shipped(name);
        assertThat(f.id()).doesNotContain("${");
        assertThat(f.bundles()).isNotEmpty().allSatisfy(b -> assertThat(b.version()).doesNotContain("${").isNotBlank());
    }

    @Test
    void theDemoFitsOnTheRuntimeAndShell() throws Exception {
        List<GatewayFeature> all = new ArrayList<>();
        for (String n : List.of("runtime", "shell", "demo")) {
            all.add(shipped(n));
        }
        FeatureAssembly a = FeatureAssembly.of(all);
        assertThat(a.bundles()).extracting(FeatureBundleRef::artifactId)
                .startsWith("asm")
                .contains("org.apache.felix.scr", "org.apache.felix.configurator", "org.metergate.api");
        assertThat(a.configurations()).containsKey("org.metergate.driver.replay~demo");
    }
}
