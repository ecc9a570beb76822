package org.metergate.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FeatureReaderTest {

    private final FeatureReader reader = new FeatureReader();

    @Test
    void readsBundlesInOrderAndTypedConfigurations() throws Exception {
        GatewayFeature f = reader.read(new StringReader("""
                {
                  "feature-resource-version": "1.0",
                  "id": "org.example:lnap:osgifeature:1.2.0",
                  "name": "wM-Bus LNAP",
                  "bundles": [
                    { "id": "org.example:a:1.0.0" },
                    { "id": "org.example:b:jar:linux:2.0.0" }
                  ],
                  "configurations": {
                    "org.example.link~main": { "modes": ["T1", "C1"], "port:Integer": 4, "speed": 1.5 },
                    "org.example.single": { "enabled": true }
                  }
                }
                """), "lnap.json");
        assertThat(f.id()).isEqualTo("org.example:lnap:osgifeature:1.2.0");
        assertThat(f.name()).isEqualTo("wM-Bus LNAP");
        assertThat(f.bundles()).extracting(FeatureBundleRef::coordinates)
                .containsExactly("org.example:a:1.0.0", "org.example:b:jar:linux:2.0.0");
        assertThat(f.bundles().get(1).fileName()).isEqualTo("b-2.0.0-linux.jar");
        assertThat(f.configurations()).containsOnlyKeys("org.example.link~main", "org.example.single");
        assertThat(f.configurations().get("org.example.link~main"))
                .containsEntry("port", 4)
                .containsEntry("speed", 1.5);
        assertThat(f.configurations().get("org.example.single")).containsEntry("enabled", true);
    }

    @Test
    void malformedDocumentsNameTheirSource() {
        assertThatThrownBy(() -> reader.read(new StringReader("{ \"id\": "), "broken.json"))
                .isInstanceOf(FeatureException.class)
                .hasMessageContaining("broken.json");
        assertThatThrownBy(() -> reader.read(new StringReader("""
                { "feature-resource-version": "1.0", "id": "g:f:osgifeature:1", "bundles": [{ "id": "g:x:zip:classy:1.0" }] }
                """), "zip.json"))
                .isInstanceOf(FeatureException.class)
                .hasMessageContaining("only jar bundles");
    }

    @Test
    void namedFeaturesComeFromTheFeaturesDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("tiny.json"),
                "{ \"feature-resource-version\": \"1.0\", \"id\": \"g:tiny:osgifeature:1\", \"bundles\": [{ \"id\": \"g:a:1\" }] }");
        assertThat(reader.readNamed(dir, "tiny").bundles()).hasSize(1);
        assertThat(reader.readNamed(dir, dir.resolve("tiny.json").toString()).id()).isEqualTo("g:tiny:osgifeature:1");
        assertThatThrownBy(() -> reader.readNamed(dir, "absent")).hasMessageContaining("no feature file");
        assertThatThrownBy(() -> reader.readNamed(dir, "../etc/passwd")).hasMessageContaining("not a feature name");
    }
}
