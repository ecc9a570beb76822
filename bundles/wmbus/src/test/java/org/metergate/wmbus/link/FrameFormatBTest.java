package org.metergate.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.wmbus.WMBusException;

/**
 * EN 13757-4 frame format B: blocks 1 and 2 (at most 126 bytes from the L-field) share one CRC; a longer
 * frame has a block 3 with its own CRC. The L-field counts the CRC bytes.
 */
class FrameFormatBTest {

    private static byte[] frame(int length) {
        byte[] f = new byte[length];
        f[0] = (byte) (length - 1);
        f[1] = 0x44;
        f[2] = (byte) 0x93;
        f[3] = 0x15;
        f[10] = 0x78;
        for (int i = 11; i < length; i++) {
            f[i] = (byte) (i * 7);
        }
        return f;
    }

    @Test
    void shortFrameHasOneCrcAndItsLFieldCountsIt() throws WMBusException {
        byte[] plain = frame(40);
        byte[] b = LinkFrames.enframe(plain, FrameFormat.B);
        assertThat(b).hasSize(42);
        assertThat(b[0] & 0xFF).isEqualTo(41);
        assertThat(((b[40] & 0xFF) << 8) | (b[41] & 0xFF)).isEqualTo(Crc16.compute(b, 0, 40));
        LinkFrames.Deframed d = LinkFrames.deframe(b, 0, b.length, TelegramFormat.WMBUS_FORMAT_B);
        assertThat(d.frame()).isEqualTo(plain);
    }

    @Test
    void longFrameHasABlock3() throws WMBusException {
        byte[] plain = frame(200);
        byte[] b = LinkFrames.enframe(plain, FrameFormat.B);
        assertThat(b).hasSize(204);
        assertThat(((b[126] & 0xFF) << 8) | (b[127] & 0xFF)).isEqualTo(Crc16.compute(b, 0, 126));
        assertThat(LinkFrames.deframe(b, 0, b.length, TelegramFormat.WMBUS_DETECT).frame()).isEqualTo(plain);
    }

    @Test
    void detectionTellsFormatBFromAFrameWithoutCrcs() throws WMBusException {
        byte[] plain = frame(60);
        byte[] b = LinkFrames.enframe(plain, FrameFormat.B);
        assertThat(LinkFrames.deframe(b, 0, b.length, TelegramFormat.WMBUS_DETECT).format()).isEqualTo(FrameFormat.B);
        assertThat(LinkFrames.deframe(plain, 0, plain.length, TelegramFormat.WMBUS_DETECT).format()).isEqualTo(FrameFormat.NO_CRC);
    }

    @Test
    void aWrongCrcInBlock3IsNamed() {
        byte[] b = LinkFrames.enframe(frame(200), FrameFormat.B);
        b[150] ^= 0x40;
        assertThatThrownBy(() -> LinkFrames.deframe(b, 0, b.length, TelegramFormat.WMBUS_FORMAT_B))
                .isInstanceOfSatisfying(WMBusException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WMBusException.Kind.CRC_ERROR);
                    assertThat(e.reason()).contains("block 3").contains("frame format B");
                });
    }

    @Test
    void aWrongCrcInBlock2IsNamed() {
        byte[] b = LinkFrames.enframe(frame(50), FrameFormat.B);
        b[20] ^= 0x01;
        assertThatThrownBy(() -> LinkFrames.deframe(b, 0, b.length, TelegramFormat.WMBUS_FORMAT_B))
                .isInstanceOfSatisfying(WMBusException.class, e -> assertThat(e.reason()).contains("block 2"));
    }

    @Test
    void anAlreadyStrippedFrameIsNotMistakenForFormatB() throws WMBusException {
        byte[] plain = HexFormat.of().parseHex("2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3");
        assertThat(LinkFrames.deframe(plain, 0, plain.length, TelegramFormat.WMBUS_DETECT).format()).isEqualTo(FrameFormat.NO_CRC);
    }
}
