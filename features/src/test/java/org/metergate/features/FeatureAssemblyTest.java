package org.metergate.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.apache.felix.cm.json.io.ConfigurationResource;
import org.apache.felix.cm.json.io.Configurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureAssemblyTest {

    private static GatewayFeature feature(String id, List<FeatureBundleRef> bundles, Map<String, Map<String, Object>> configs) {
        return new GatewayFeature(id, "", "", bundles, configs);
    }

    private static FeatureBundleRef ref(String a, String v) {
        return new FeatureBundleRef("g", a, v, "");
    }

    @Test
    void listsEachBundleOnceInTheOrderOfTheFeatures() throws Exception {
        FeatureAssembly a = FeatureAssembly.of(List.of(
                feature("runtime", List.of(ref("scr", "2"), ref("cm", "1")), Map.of()),
                feature("demo", List.of(ref("api", "1"), ref("scr", "2"), ref("replay", "1")), Map.of("p", Map.of("k", 1)))));
        assertThat(a.bundles()).extracting(FeatureBundleRef::artifactId).containsExactly("scr", "cm", "api", "replay");
        assertThat(a.configurations()).containsOnlyKeys("p");
    }

    @Test
    void featuresThatDisagreeDoNotFitTogether() {
        assertThatThrownBy(() -> FeatureAssembly.of(List.of(
                feature("one", List.of(ref("scr", "2")), Map.of()),
                feature("two", List.of(ref("scr", "3")), Map.of()))))
                .isInstanceOf(FeatureException.class)
                .hasMessageContaining("different versions of g:scr: 2 and 3");
        assertThatThrownBy(() -> FeatureAssembly.of(List.of(
                feature("one", List.of(), Map.of("pid", Map.of("k", 1))),
                feature("two", List.of(), Map.of("pid", Map.of("k", 2))))))
                .hasMessageContaining("configure pid differently");
    }

    @Test
    void configurationsBecomeAConfiguratorResourceWithTheirTypes() throws Exception {
        GatewayFeature f = new FeatureReader().read(new StringReader("""
                { "feature-resource-version": "1.0", "id": "g:f:osgifeature:1",
                  "configurations": { "link~main": { "modes": ["T1","C1"], "port:Integer": 4, "on": true } } }
                """), "f");
        String json = FeatureAssembly.of(List.of(f)).configuratorJson();
        ConfigurationResource back = Configurations.buildReader().verifyAsBundleResource(false).build(new StringReader(json)).readConfigurationResource();
        Dictionary<String, Object> main = back.getConfigurations().get("link~main");
        assertThat(main.get("port")).isEqualTo(4);
        assertThat(main.get("on")).isEqualTo(true);
        assertThat(main.get("modes")).isEqualTo(new String[] {"T1", "C1"});
    }

    @Test
    void aPropertyCanBeSetWithoutEditingTheFeature() throws Exception {
        FeatureAssembly a = FeatureAssembly.of(List.of(feature("f", List.of(), Map.of("replay~demo", Map.of("speed", 1.0, "loop", false)))));
        FeatureAssembly fast = a.withProperty("replay~demo", "speed", 0.0).withProperty("new.pid", "on", true);
        assertThat(fast.configurations().get("replay~demo")).containsEntry("speed", 0.0).containsEntry("loop", false);
        assertThat(fast.configurations().get("new.pid")).containsEntry("on", true);
        assertThat(a.configurations().get("replay~demo")).containsEntry("speed", 1.0);
    }

    @Test
    void missingBundleFilesAreNamedAllAtOnce(@TempDir Path dir) throws Exception {
        FeatureAssembly a = FeatureAssembly.of(List.of(feature("f", List.of(ref("here", "1"), ref("gone", "1"), ref("lost", "2")), Map.of())));
        Files.createDirectories(dir.resolve("g"));
        Files.write(dir.resolve("g/here-1.jar"), new byte[] {1});
        assertThatThrownBy(() -> a.bundleFiles(dir))
                .isInstanceOf(FeatureException.class)
                .hasMessageContaining("g:gone:1")
                .hasMessageContaining("g:lost:2")
                .message().doesNotContain("g:here:1");
    }
}
