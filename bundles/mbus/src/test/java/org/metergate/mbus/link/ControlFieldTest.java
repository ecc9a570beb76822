package org.metergate.mbus.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** EN 13757-2 C-field: function codes, FCB/FCV from the master, ACD/DFC from the slave. */
class ControlFieldTest {

    @ParameterizedTest(name = "C-field {0}: {1}")
    @CsvSource({
        "40, SND_NKE, false",
        "53, SND_UD, false",
        "73, SND_UD, true",
        "5A, REQ_UD1, false",
        "7A, REQ_UD1, true",
        "5B, REQ_UD2, false",
        "7B, REQ_UD2, true",
    })
    void functionsOfTheMaster(String hex, LinkFunction function, boolean fcb) {
        ControlField c = new ControlField(Integer.parseInt(hex, 16));
        assertThat(c.function()).isEqualTo(function);
        assertThat(c.fromMaster()).isTrue();
        assertThat(c.frameCountBit()).isEqualTo(fcb);
        assertThat(c.frameCountValid()).isEqualTo(function != LinkFunction.SND_NKE);
    }

    @ParameterizedTest(name = "C-field {0}: RSP_UD ACD={1} DFC={2}")
    @CsvSource({"08, false, false", "18, false, true", "28, true, false", "38, true, true"})
    void responseOfTheSlave(String hex, boolean acd, boolean dfc) {
        ControlField c = new ControlField(Integer.parseInt(hex, 16));
        assertThat(c.function()).isEqualTo(LinkFunction.RSP_UD);
        assertThat(c.fromMaster()).isFalse();
        assertThat(c.accessDemand()).isEqualTo(acd);
        assertThat(c.dataFlowControl()).isEqualTo(dfc);
        assertThat(ControlField.rspUd(acd, dfc)).isEqualTo(c);
    }

    @Test
    void codesTheStandardDoesNotDefineAreUndefined() {
        assertThat(new ControlField(0x41).function()).isEqualTo(LinkFunction.UNDEFINED);
        assertThat(new ControlField(0x50).function()).isEqualTo(LinkFunction.UNDEFINED); // SND_NKE with FCV
        assertThat(new ControlField(0x4B).function()).isEqualTo(LinkFunction.UNDEFINED); // REQ_UD2 without FCV
        assertThat(new ControlField(0x88).function()).isEqualTo(LinkFunction.UNDEFINED); // bit 7
        assertThat(new ControlField(0x09).function()).isEqualTo(LinkFunction.UNDEFINED);
    }

    @Test
    void factoriesSetTheFrameCountBit() {
        assertThat(ControlField.sndUd(true).value()).isEqualTo(0x73);
        assertThat(ControlField.reqUd2(true).value()).isEqualTo(0x7B);
        assertThat(ControlField.reqUd1(false).value()).isEqualTo(0x5A);
        assertThat(ControlField.sndNke().value()).isEqualTo(0x40);
    }
}
