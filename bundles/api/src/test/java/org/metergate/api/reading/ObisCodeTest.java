package org.metergate.api.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObisCodeTest {

    @Test
    void parsesFullAndShortForms() {
        assertThat(ObisCode.parse("1-0:1.8.0*255")).isEqualTo(new ObisCode(1, 0, 1, 8, 0, 255));
        assertThat(ObisCode.parse("1.8.1")).isEqualTo(new ObisCode(0, 0, 1, 8, 1, 255));
        assertThat(ObisCode.ofBytes(new byte[] {1, 0, 1, 8, 0, (byte) 0xFF})).hasToString("1-0:1.8.0*255");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ObisCode.parse("1-0:1.8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObisCode.parse("1-0:1.8.300")).isInstanceOf(IllegalArgumentException.class);
    }
}
