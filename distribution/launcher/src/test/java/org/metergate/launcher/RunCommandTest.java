package org.metergate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metergate.features.FeatureAssembly;
import org.metergate.features.GatewayFeature;

class RunCommandTest {

    @Test
    void setOverridesOneTypedPropertyOfAFeature() throws Exception {
        FeatureAssembly a = FeatureAssembly.of(List.of(new GatewayFeature("f", "", "", List.of(),
                Map.of("org.metergate.driver.replay~demo", Map.of("speed", 1.0)))));
        FeatureAssembly b = RunCommand.override(a, "org.metergate.driver.replay~demo:speed=10.5");
        b = RunCommand.override(b, "org.metergate.driver.replay~demo:loop=true");
        b = RunCommand.override(b, "org.metergate.core.pipeline:queue.capacity=500");
        b = RunCommand.override(b, "org.metergate.link.wmbus~demo:metergate.link.id=radio:1");
        assertThat(b.configurations().get("org.metergate.driver.replay~demo")).containsEntry("speed", 10.5).containsEntry("loop", true);
        assertThat(b.configurations().get("org.metergate.core.pipeline")).containsEntry("queue.capacity", 500L);
        assertThat(b.configurations().get("org.metergate.link.wmbus~demo")).containsEntry("metergate.link.id", "radio:1");
        assertThatThrownBy(() -> RunCommand.override(a, "no-colon")).hasMessageContaining("PID:KEY=VALUE");
    }
}
