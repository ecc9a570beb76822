package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipSequence;

/** The synchronisation words against the register values the cited chip vendors program. */
class SyncWordsTest {

    @Test
    void sAndTWordsAreMicrochipsValues() {
        assertThat(SyncWords.S.length()).isEqualTo(18);
        assertThat(SyncWords.S.bits(0, 18)).isEqualTo(0x07696);
        assertThat(SyncWords.T.length()).isEqualTo(10);
        assertThat(SyncWords.T.bits(0, 10)).isEqualTo(0x03D);
    }

    @Test
    void cWordsAreStsWithTheirPreambleChips() {
        // ST programs 0x543D54CD / 0x543D543D: six preamble chips 010101, then the 26-chip word
        assertThat(ChipSequence.concat(ChipSequence.parse("010101"), SyncWords.C_FORMAT_A).bits(0, 32)).isEqualTo(0x543D54CDL);
        assertThat(ChipSequence.concat(ChipSequence.parse("010101"), SyncWords.C_FORMAT_B).bits(0, 32)).isEqualTo(0x543D543DL);
        assertThat(SyncWords.C_FORMAT_A.regionMatches(0, SyncWords.T)).isTrue();
    }

    @Test
    void nAndFWordsDifferInTheirSecondByte() {
        assertThat(SyncWords.NF_FORMAT_A.bits(0, 16)).isEqualTo(0xF68D);
        assertThat(SyncWords.NF_FORMAT_B.bits(0, 16)).isEqualTo(0xF672);
        assertThat(Long.bitCount(SyncWords.NF_FORMAT_A.bits(0, 16) ^ SyncWords.NF_FORMAT_B.bits(0, 16))).isEqualTo(8);
    }
}
