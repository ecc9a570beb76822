package org.metergate.api.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RadioModeIdTest {

    @Test
    void labelsAreTheStandardsNames() {
        assertThat(RadioModeId.ofLabel("s1-m")).isEqualTo(RadioModeId.S1_M);
        assertThat(RadioModeId.ofLabel("N2a")).isEqualTo(RadioModeId.N2A);
        assertThat(RadioModeId.T1.family()).isEqualTo('T');
        assertThat(RadioModeId.C2.bidirectional()).isTrue();
        assertThat(RadioModeId.S1_M.bidirectional()).isFalse();
        assertThatThrownBy(() -> RadioModeId.ofLabel("X9")).hasMessageContaining("not an EN 13757-4 radio mode");
    }
}
