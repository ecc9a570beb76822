package org.metergate.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metergate.features.FeatureReader;
import org.metergate.features.GatewayFeature;

/**
 * The installer reads a feature's configurations exactly as the launcher does (its FeatureReader on
 * the Apache Felix Feature Service implementation): same PIDs, same values, same Java types.
 */
class FeatureConfigurationsTest {

    private static byte[] shipped(String name) throws Exception {
        try (InputStream in = FeatureReader.class.getClassLoader().getResourceAsStream("features/" + name + ".json")) {
            assertThat(in).as("features/" + name + ".json in the features jar").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theShippedDemoReadsTheSameAsTheLaunchersReader() throws Exception {
        byte[] json = shipped("demo");
        GatewayFeature launcher = new FeatureReader().read(new InputStreamReader(new java.io.ByteArrayInputStream(json),
                StandardCharsets.UTF_8), "demo.json");
        Map<String, Hashtable<String, Object>> ours = FeatureConfigurations.ofFeature(json);
        assertThat(ours.keySet()).containsExactlyElementsOf(launcher.configurations().keySet());
        launcher.configurations().forEach((pid, values) -> {
            Hashtable<String, Object> o = ours.get(pid);
            assertThat(o.keySet()).as(pid).containsExactlyInAnyOrderElementsOf(values.keySet());
            values.forEach((k, v) -> {
                assertThat(o.get(k)).as(pid + " " + k).isInstanceOf(v.getClass());
                assertThat(java.util.Objects.deepEquals(o.get(k), v)).as(pid + " " + k).isTrue();
            });
        });
    }

    @Test
    void typedValuesAndTheJournalRoundTripKeepTheirTypes() throws Exception {
        byte[] json = ("{\"id\": \"g:a:osgifeature:1\", \"configurations\": {\"p~x\": {\"port:Integer\": 7, \"rate\": 1.5,"
                + " \"modes\": [\"T1\", \"C1\"], \"on\": true, \"big\": 12345678901}}}").getBytes(StandardCharsets.UTF_8);
        Hashtable<String, Object> p = FeatureConfigurations.ofFeature(json).get("p~x");
        assertThat(p.get("port")).isEqualTo(7);
        assertThat(p.get("rate")).isEqualTo(1.5);
        assertThat((String[]) p.get("modes")).containsExactly("T1", "C1");
        assertThat(p.get("on")).isEqualTo(true);
        assertThat(p.get("big")).isEqualTo(12345678901L);
        Map<String, Hashtable<String, Object>> back = FeatureConfigurations.ofResource(FeatureConfigurations.toResource(Map.of("p~x", p)));
        assertThat(FeatureConfigurations.same(back.get("p~x"), p)).isTrue();
        assertThat(FeatureConfigurations.ofFeature("{\"id\": \"g:a:1\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(OsgiConfigurations.readBasePids(FeatureConfigurations.toResource(Map.of("a", p, "b~c", p)))).containsExactlyInAnyOrder("a", "b~c");
        assertThat(OsgiConfigurations.readBasePids(null)).isEmpty();
        assertThat(List.of(OsgiConfigurations.escape("a(b)*\\"))).containsExactly("a\\(b\\)\\*\\\\");
    }
}
