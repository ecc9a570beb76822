package org.metergate.api.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** EN 13757-3: manufacturer ID = [ASCII(1st letter)-64]*32*32 + [ASCII(2nd)-64]*32 + [ASCII(3rd)-64]. */
class ManufacturerCodeTest {

    @Test
    void packsThreeLettersInFiveBitsEach() {
        // KAM (Kamstrup) = 11*1024 + 1*32 + 13 = 0x2C2D, the field seen as "2D 2C" on the wire
        assertThat(ManufacturerCode.of("KAM").id()).isEqualTo(0x2C2D);
        assertThat(new ManufacturerCode(0x2C2D).code()).isEqualTo("KAM");
        // ELS (Elster) = 5*1024 + 12*32 + 19 = 0x1593
        assertThat(ManufacturerCode.of("els").id()).isEqualTo(0x1593);
    }

    @Test
    void keepsFieldsOutsideTheLetterRangeExactly() {
        ManufacturerCode odd = new ManufacturerCode(0x0000);
        assertThat(odd.code()).isEqualTo("@@@");
        assertThat(odd.isLetterCode()).isFalse();
        assertThat(ManufacturerCode.of("ZZZ").isLetterCode()).isTrue();
    }

    @Test
    void rejectsWhatIsNotAThreeLetterCode() {
        assertThatThrownBy(() -> ManufacturerCode.of("K4M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManufacturerCode.of("KAMS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManufacturerCode(0x10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
