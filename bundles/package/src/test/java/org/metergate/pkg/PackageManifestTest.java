package org.metergate.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageManifestTest {

    private static final String SHA = "a".repeat(64);

    private static String manifest(String kind, String id, String artifacts) {
        return """
                {"format": 1, "kind": "%s", "id": "%s", "version": "0.2.0", "sequence": 12, "rollback": false,
                 "target": {"gateways": ["gw-1"], "models": []}, "created": "2026-03-01T10:00:00Z",
                 "description": "radio mode C", "artifacts": [%s]}
                """.formatted(kind, id, artifacts);
    }

    private static PackageException refused(String json) {
        try {
            PackageManifest.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (PackageException e) {
            assertThat(e.reason()).isEqualTo(PackageException.Reason.MALFORMED);
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aFeatureManifestReadsAndWritesBackTheSame() throws Exception {
        String json = manifest("feature", "org.metergate:radio-c",
                "{\"path\": \"feature.json\", \"role\": \"feature\", \"size\": 10, \"sha256\": \"" + SHA + "\"},"
                        + "{\"path\": \"bundles/org.metergate/org.metergate.radio.c-0.2.0.jar\", \"role\": \"bundle\", \"size\": 2048, \"sha256\": \"" + SHA + "\"}");
        PackageManifest m = PackageManifest.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(m.kind()).isEqualTo(PackageKind.FEATURE);
        assertThat(m.id()).isEqualTo("org.metergate:radio-c");
        assertThat(m.sequence()).isEqualTo(12);
        assertThat(m.target().gateways()).containsExactly("gw-1");
        assertThat(m.artifacts(ArtifactRole.BUNDLE)).hasSize(1);
        assertThat(m.payloadSize()).isEqualTo(2058);
        assertThat(PackageManifest.parse(m.toJson())).isEqualTo(m);
    }

    @Test
    void whatDoesNotFollowTheFormatIsRefusedWithTheReason() {
        String art = "{\"path\": \"bundles/x.jar\", \"role\": \"bundle\", \"size\": 1, \"sha256\": \"" + SHA + "\"}";
        assertThat(refused("[1]")).hasMessageContaining("not a JSON object");
        assertThat(refused("{")).hasMessageContaining("not JSON");
        assertThat(refused(manifest("plugin", "x", art))).hasMessageContaining("unknown kind 'plugin'");
        assertThat(refused(manifest("bundle", "x", art).replace("\"format\": 1", "\"format\": 2")))
                .hasMessageContaining("format 2");
        assertThat(refused(manifest("bundle", "x", art).replace("\"sequence\": 12", "\"sequence\": \"12\"")))
                .hasMessageContaining("sequence must be a whole number");
        assertThat(refused(manifest("bundle", "x", art).replace("\"description\"", "\"surprise\": 1, \"description\"")))
                .hasMessageContaining("unknown field 'surprise'");
        assertThat(refused(manifest("bundle", "x", art.replace("bundles/x.jar", "../x.jar"))))
                .hasMessageContaining("artifacts[0]");
        assertThat(refused(manifest("bundle", "x", art.replace("bundles/x.jar", "/etc/x.jar"))))
                .hasMessageContaining("artifacts[0]");
        assertThat(refused(manifest("bundle", "x", art.replace(SHA, "A".repeat(64))))).hasMessageContaining("sha256");
        assertThat(refused(manifest("bundle", "x", art + "," + art))).hasMessageContaining("listed twice");
        assertThat(refused(manifest("bundle", "x", ""))).hasMessageContaining("exactly one bundle");
        assertThat(refused(manifest("firmware", "x", art.replace("bundle\"", "file\"")))).hasMessageContaining("'firmware'");
        assertThat(refused(manifest("bundle", "x", art).replace("[\"gw-1\"]", "[]"))).hasMessageContaining("at least one gateway or model");
        assertThat(refused(manifest("bundle", "x y", art))).hasMessageContaining("manifest id");
        assertThat(refused(manifest("bundle", "x", art).replace("2026-03-01T10:00:00Z", "yesterday"))).hasMessageContaining("created");
    }

    @Test
    void packagePathsArePlainRelativeNames() {
        assertThat(Artifact.validPath("bundles/org.metergate/org.metergate.radio.c-0.1.0-SNAPSHOT.jar")).isTrue();
        assertThat(Artifact.validPath("bin/metergate")).isTrue();
        for (String bad : List.of("", "/abs", "a/../b", "./a", "a//b", "a/", "a\\b", "a b", "ä", "a/.", "x".repeat(401))) {
            assertThat(Artifact.validPath(bad)).as(bad).isFalse();
        }
    }

    @Test
    void targetsMatchByGatewayIdModelOrWildcard() {
        GatewayIdentity gw = new GatewayIdentity("gw-7", "lnap");
        assertThat(Target.gateways("gw-7").matches(gw)).isTrue();
        assertThat(Target.gateways("gw-8").matches(gw)).isFalse();
        assertThat(Target.models("lnap").matches(gw)).isTrue();
        assertThat(Target.models("nnap").matches(gw)).isFalse();
        assertThat(Target.models("*").matches(gw)).isTrue();
        assertThatThrownBy(() -> new Target(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void featureHeadersGiveThePackageIdVersionAndBundlePaths() throws Exception {
        String json = """
                { // the Feature format allows comments
                  "feature-resource-version": "1.0",
                  "id": "org.metergate:radio-c:osgifeature:0.1.0",
                  "bundles": [ {"id": "org.metergate:org.metergate.radio.c:0.1.0"}, "org.example:lib:jar:native:2.0" ]
                }""";
        FeatureHeader h = FeatureHeader.parse(json.getBytes(StandardCharsets.UTF_8), "radio-c.json");
        assertThat(h.packageId()).isEqualTo("org.metergate:radio-c");
        assertThat(h.version()).isEqualTo("0.1.0");
        assertThat(h.bundles()).extracting(BundleCoordinate::packagePath).containsExactly(
                "bundles/org.metergate/org.metergate.radio.c-0.1.0.jar", "bundles/org.example/lib-2.0-native.jar");
        assertThatThrownBy(() -> FeatureHeader.parse("{\"id\": \"g:a:${project.version}\"}".getBytes(StandardCharsets.UTF_8), "f.json"))
                .hasMessageContaining("placeholder");
        assertThatThrownBy(() -> BundleCoordinate.parse("g:a:zip:1.0")).hasMessageContaining("only jar bundles");
        assertThatThrownBy(() -> BundleCoordinate.parse("g:a")).hasMessageContaining("not a bundle id");
    }
}
