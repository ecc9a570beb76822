package org.metergate.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeterKeyTest {

    private static final String HEX = "000102030405060708090A0B0C0D0E0F";

    @Test
    void neverShowsTheKey() {
        MeterKey k = MeterKey.ofHex(HEX);
        assertThat(k.toString()).doesNotContain("0001").doesNotContain("0A0B").isEqualTo("MeterKey[redacted]");
        assertThat(k.bytes()).hasSize(16).startsWith(0, 1, 2);
        assertThat(k.secretKey().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void parseErrorsDoNotEchoTheInput() {
        String secretish = "00010203040506070809ZZ0B0C0D0E0F";
        assertThatThrownBy(() -> MeterKey.ofHex(secretish))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("0001");
    }

    @Test
    void equalityIsByValue() {
        assertThat(MeterKey.ofHex(HEX)).isEqualTo(MeterKey.ofHex(HEX.toLowerCase()));
        assertThat(MeterKey.ofHex(HEX)).isNotEqualTo(MeterKey.ofHex("FF" + HEX.substring(2)));
    }
}
