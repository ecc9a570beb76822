package org.metergate.mbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void parsesSpacedAndCompactHex() throws Exception {
        assertThat(Hex.parse("68 03 03 68")).containsExactly(0x68, 3, 3, 0x68);
        assertThat(Hex.parse("6803\n0368")).containsExactly(0x68, 3, 3, 0x68);
        assertThat(Hex.parse("e5")).containsExactly(0xE5);
        assertThat(Hex.format(new byte[] {(byte) 0xE5, 1}, 0, 2, true)).isEqualTo("E5 01");
    }

    @Test
    void badHexIsATypedErrorWithTheCharacterIndex() {
        // libmbus unsupported-frames/manual_frame1.hex starts with a lone "D"
        assertThatThrownBy(() -> Hex.parse("D 04 04 68")).isInstanceOf(MBusDecodeException.class)
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(0);
        assertThatThrownBy(() -> Hex.parse("68 0G")).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("not a hex digit: 'G'")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(4);
        assertThatThrownBy(() -> Hex.parse("680")).isInstanceOf(MBusDecodeException.class);
        assertThatThrownBy(() -> Hex.parse("６８")).isInstanceOf(MBusDecodeException.class);
    }
}
