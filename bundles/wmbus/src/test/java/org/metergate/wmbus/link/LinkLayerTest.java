package org.metergate.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.wmbus.WMBusException;

/** EN 13757-4 link header: L, C, M (FLAG code, little-endian), A (identification BCD little-endian, version, type). */
class LinkLayerTest {

    @Test
    void fieldsOfTheOmsExample() throws WMBusException {
        byte[] f = HexFormat.of().parseHex(FrameFormatATest.OMS_EXAMPLE_NO_CRC);
        LinkLayer l = LinkLayer.read(f, FrameFormat.NO_CRC, f[0] & 0xFF);
        assertThat(l.lField()).isEqualTo(0x43);
        assertThat(l.c().function()).isEqualTo(LinkFunction.SND_NR);
        assertThat(l.address().manufacturer().code()).isEqualTo("ELS");
        assertThat(l.address().manufacturer().id()).isEqualTo(0x1593);
        assertThat(l.address().identification()).isEqualTo("12345678");
        assertThat(l.address().version()).isEqualTo(0x33);
        assertThat(l.address().medium()).isEqualTo(DeviceType.GAS);
    }

    @Test
    void aFrameShorterThanTheHeaderIsTruncated() {
        byte[] f = HexFormat.of().parseHex("0944931578563412");
        assertThatThrownBy(() -> LinkLayer.read(f, FrameFormat.NO_CRC, 9))
                .isInstanceOfSatisfying(WMBusException.class, e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.TRUNCATED));
    }
}
