package org.metergate.headend.mqtt.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.reading.UplinkEntry;

class TopicsAndUplinkJsonTest {

    @Test
    void topicsFollowTheKuraNamespace() {
        assertThat(Topics.lifecycle("acme", "gw-1", Topics.BIRTH)).isEqualTo("$EDC/acme/gw-1/MQTT/BIRTH");
        assertThat(Topics.request("acme", "gw-1", "METERS-V1", "GET", List.of("meters", "KAM-12345678")))
                .isEqualTo("$EDC/acme/gw-1/METERS-V1/GET/meters/KAM-12345678");
        assertThat(Topics.reply("acme", "hes-1", "METERS-V1", "r-1")).isEqualTo("$EDC/acme/hes-1/METERS-V1/REPLY/r-1");
        assertThat(Topics.data("acme", "gw-1", Topics.READINGS, "KAM-12345678")).isEqualTo("acme/gw-1/METERS-V1/readings/KAM-12345678");
        Topics.ControlTopic ct = Topics.parseControl("$EDC/acme/gw-1/COMMANDS-V1/EXEC/actuator/KAM-12345678").orElseThrow();
        assertThat(ct).isEqualTo(new Topics.ControlTopic("acme", "gw-1", "COMMANDS-V1", "EXEC", List.of("actuator", "KAM-12345678")));
        assertThat(Topics.parseControl("$EDC/acme//X/GET")).isEmpty();
        assertThat(Topics.parseData("acme/gw-1/METERS-V1/events/gateway")).contains(
                new Topics.DataTopic("acme", "gw-1", "events", "gateway"));
        assertThat(Topics.isLevel("a+b")).isFalse();
        assertThatThrownBy(() -> Topics.checkLevel("client.id", "a/b")).hasMessageContaining("client.id 'a/b' cannot be a topic level");
    }

    @Test
    void pushBodiesCarryExactValuesAndStableIds() throws Exception {
        MeterAddress m = MeterAddress.of("KAM", "12345678", 1, DeviceType.WATER);
        Instant t = Instant.parse("2025-11-21T13:00:00Z");
        Reading r = new Reading(m, "volume", new BigDecimal("12.565"), Unit.CUBIC_METRE, 0, 0, 0, FunctionField.INSTANTANEOUS, t, null);
        byte[] body = UplinkJson.body(m, List.of(new UplinkEntry(1021, r)));
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"meter\":{\"id\":\"KAM-12345678\",\"manufacturer\":\"KAM\","
                + "\"identification\":\"12345678\",\"version\":1,\"deviceType\":7,\"medium\":\"WATER\"},\"readings\":[{\"id\":1021,"
                + "\"quantity\":\"volume\",\"value\":12.565,\"unit\":\"m3\",\"storage\":0,\"tariff\":0,\"subunit\":0,"
                + "\"function\":\"instantaneous\",\"time\":\"2025-11-21T13:00:00Z\",\"obis\":null}]}");
        UplinkJson.PushBody back = UplinkJson.decode(body);
        assertThat(back.readings()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(1021);
            assertThat(p.value()).isEqualByComparingTo("12.565");
            assertThat(p.meter()).isEqualTo("KAM-12345678");
        });
        // a value no double can hold survives
        Reading big = new Reading(m, "energy", new BigDecimal("123456789012345678.000001"), Unit.WATT_HOUR, 0, 0, 0,
                FunctionField.INSTANTANEOUS, t, null);
        assertThat(UplinkJson.decode(UplinkJson.body(m, List.of(new UplinkEntry(1, big)))).readings().get(0).value())
                .isEqualTo(new BigDecimal("123456789012345678.000001"));
        MeterEvent e = new MeterEvent(EventType.DATA_EVICTED, null, "", t, "x");
        UplinkJson.PushBody ev = UplinkJson.decode(UplinkJson.body(null, List.of(new UplinkEntry(7, e))));
        assertThat(ev.meter()).isEmpty();
        assertThat(ev.events()).singleElement().satisfies(x -> assertThat(x.type()).isEqualTo("DATA_EVICTED"));
        assertThatThrownBy(() -> UplinkJson.decode("{\"readings\":[{\"id\":\"x\"}]}".getBytes())).isInstanceOf(PayloadException.class);
    }
}
