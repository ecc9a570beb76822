package org.metergate.driver.im871a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.support.FrameFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImstTablesTest {

    private static Set<RadioModeId> modes(String labels) {
        return Stream.of(labels.split(" ")).map(RadioModeId::ofLabel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RadioModeId.class)));
    }

    @ParameterizedTest(name = "{0} (C1+T1 allowed: {1}) -> link mode 0x{2}")
    @CsvSource({
        "T1, true, 03", "C1, true, 06", "S1, true, 00", "S1-m, true, 01", "S2, true, 02", "T2, true, 04",
        "R2, true, 05", "C2, true, 08",
        "C1 T1, true, 0A", "C1 T1, false, 03", "T1 C1 S1, true, 0A", "S1 C1, true, 06", "S2 T2, true, 04"})
    void linkModeForReceptionOnTheIm871a(String requested, boolean combined, String code) {
        ImstLinkMode m = ImstLinkMode.forReception(ImstModel.IM871A, modes(requested), combined);
        assertThat(m.code()).isEqualTo(Integer.parseInt(code, 16));
    }

    @ParameterizedTest(name = "{0} -> 0x{1}")
    @CsvSource({"N1a, 0A", "N2a, 0B", "N1c, 0E", "N2f, 15", "N2b N1e, 12"})
    void linkModeOnTheIm170a(String requested, String code) {
        assertThat(ImstLinkMode.forReception(ImstModel.IM170A, modes(requested), true).code())
                .isEqualTo(Integer.parseInt(code, 16));
    }

    @Test
    void combinedReceptionNamesNoSingleMode() throws Exception {
        assertThat(ImstLinkMode.C1_T1.singleMode()).isNull();
        assertThat(ImstLinkMode.T1.singleMode()).isEqualTo(RadioModeId.T1);
        assertThat(ImstLinkMode.forSending(ImstModel.IM871A, RadioModeId.C2)).isEqualTo(ImstLinkMode.C2_A);
        assertThatThrownBy(() -> ImstLinkMode.forSending(ImstModel.IM871A, RadioModeId.N2A))
                .hasMessageContaining("cannot send in N2a");
    }

    @ParameterizedTest(name = "raw {0} -> {1} dBm")
    @CsvSource({"45, -100", "205, -20", "125, -60", "0, -122", "46, -99", "229, -8", "255, 0"})
    void rssiFollowsTheSi1002Curve(int raw, int dbm) {
        assertThat(ImstRssi.toDbm(raw)).isEqualTo(dbm);
    }

    @Test
    void deviceInformation() throws Exception {
        DeviceInfo i = DeviceInfo.decode(HexFormat.of().parseHex("3300151767452301"));
        assertThat(i.model()).isEqualTo(ImstModel.IM871A);
        assertThat(i.firmware()).isEqualTo(0x15);
        assertThat(i.uid()).isEqualTo(0x01234567L);
        assertThat(i).hasToString("iM871A firmware 1.5 HCI 1.7 uid 01234567");
        assertThatThrownBy(() -> DeviceInfo.decode(new byte[3])).isInstanceOf(FrameFormatException.class)
                .hasMessageContaining("3 bytes, expected 8");
    }
}
