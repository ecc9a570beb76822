package org.metergate.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The C-field functions of EN 13757-4: function code (bits 3-0) and PRM (bit 6). */
class CFieldTest {

    @ParameterizedTest
    @CsvSource({
        "0x40, SND_NKE", "0x53, SND_UD", "0x73, SND_UD", "0x43, SND_UD2", "0x44, SND_NR", "0x46, SND_IR",
        "0x47, ACC_NR", "0x48, ACC_DMD", "0x5A, REQ_UD1", "0x7A, REQ_UD1", "0x5B, REQ_UD2", "0x7B, REQ_UD2",
        "0x00, ACK", "0x10, ACK", "0x20, ACK", "0x01, NACK", "0x06, CNF_IR", "0x08, RSP_UD", "0x18, RSP_UD",
        "0x28, RSP_UD", "0x38, RSP_UD", "0x4F, UNKNOWN", "0x02, UNKNOWN"
    })
    void functionOfEachCField(String value, LinkFunction expected) {
        assertThat(new CField(Integer.decode(value)).function()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0x44, true", "0x08, false", "0x73, true"})
    void prmBitSaysPrimaryStation(String value, boolean primary) {
        assertThat(new CField(Integer.decode(value)).primary()).isEqualTo(primary);
    }
}
