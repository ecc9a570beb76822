package org.metergate.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.wmbus.WMBusException;

/**
 * EN 13757-4 frame format A: block 1 is L, C, M, A (10 bytes) and its CRC; then blocks of 16 bytes, the
 * last one shorter, each with its CRC (high byte first). The L-field counts neither CRCs nor itself.
 */
class FrameFormatATest {

    /**
     * The OMS Vol. 2 annex example telegram (security mode 7, ELS gas meter 12345678) in frame format A,
     * as used by the test suite of lvogt/wireless-mbus-parser (test/parser.spec.ts, "Mode7").
     */
    static final String OMS_EXAMPLE_FORMAT_A = "434493157856341233037AC98C2075900F002C25B30A000021924D4FBA372FB66E017A75"
            + "002007109058475F4BC9D1281DF878B80A1B0F98B629024AAC7279429398BFC549233C0140829B93BAA1";
    static final String OMS_EXAMPLE_NO_CRC = "434493157856341233038C2075900F002C25B30A000021924D4F2FB66E017A7500200710"
            + "9058475F4BC91DF878B80A1B0F98B629024AAC727942BFC549233C0140829B93";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void lengthOfAFormatAFrameCountsOneCrcPerBlock() {
        // L = 0x43 = 67: block 1 (10 bytes incl. L) + 58 bytes = 3 full blocks + 10 -> 5 CRCs
        assertThat(LinkFrames.formatALength(0x43)).isEqualTo(68 + 10);
        assertThat(LinkFrames.formatALength(9 + 16)).isEqualTo(26 + 4);
        assertThat(LinkFrames.formatALength(9 + 17)).isEqualTo(27 + 6);
    }

    @Test
    void crcsAreCheckedAndRemoved() throws WMBusException {
        byte[] in = hex(OMS_EXAMPLE_FORMAT_A);
        LinkFrames.Deframed d = LinkFrames.deframe(in, 0, in.length, TelegramFormat.WMBUS_FORMAT_A);
        assertThat(d.format()).isEqualTo(FrameFormat.A);
        assertThat(d.frame()).isEqualTo(hex(OMS_EXAMPLE_NO_CRC));
    }

    @Test
    void detectedByItsLength() throws WMBusException {
        byte[] in = hex(OMS_EXAMPLE_FORMAT_A);
        assertThat(LinkFrames.deframe(in, 0, in.length, TelegramFormat.WMBUS_DETECT).format()).isEqualTo(FrameFormat.A);
    }

    @Test
    void aWrongCrcIsReportedWithItsBlock() {
        byte[] in = hex(OMS_EXAMPLE_FORMAT_A);
        in[12 + 18 + 5] ^= 0x01; // a data byte of block 3
        assertThatThrownBy(() -> LinkFrames.deframe(in, 0, in.length, TelegramFormat.WMBUS_FORMAT_A))
                .isInstanceOfSatisfying(WMBusException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WMBusException.Kind.CRC_ERROR);
                    assertThat(e.reason()).contains("block 3").contains("frame format A");
                    assertThat(e.offset()).isEqualTo(12 + 18 + 16);
                });
    }

    @Test
    void aWrongLengthIsALengthMismatch() {
        byte[] in = hex(OMS_EXAMPLE_FORMAT_A);
        assertThatThrownBy(() -> LinkFrames.deframe(in, 0, in.length - 1, TelegramFormat.WMBUS_FORMAT_A))
                .isInstanceOfSatisfying(WMBusException.class,
                        e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.LENGTH_MISMATCH));
    }

    @Test
    void enframeGivesTheTransmittedFrameBack() {
        assertThat(LinkFrames.enframe(hex(OMS_EXAMPLE_NO_CRC), FrameFormat.A)).isEqualTo(hex(OMS_EXAMPLE_FORMAT_A));
    }

    @Test
    void frameWhoseDataFillsWholeBlocks() throws WMBusException {
        byte[] frame = new byte[10 + 32];
        frame[0] = (byte) (frame.length - 1);
        frame[1] = 0x44;
        frame[10] = 0x78;
        byte[] a = LinkFrames.enframe(frame, FrameFormat.A);
        assertThat(a).hasSize(frame.length + 2 * 3);
        assertThat(LinkFrames.deframe(a, 0, a.length, TelegramFormat.WMBUS_DETECT).frame()).isEqualTo(frame);
    }

    @Test
    void detectsTheFormatAFrameOfTheWmbusmetersDllCrcSimulation() throws WMBusException {
        // wmbusmeters simulations/simulation_dll_crcs.txt: its "81 1D" after the A-field is the CRC of
        // block 1, not a CI-field (EN 13757-4 format A), which detection by length finds.
        byte[] in = hex("3444EE4D813929271608811D7A51000000046D1912A62B036E0000005170426CE1F1436E00000002FF2C00000259D6D0D4090265FC0902FD66A00044C4");
        LinkFrames.Deframed d = LinkFrames.deframe(in, 0, in.length, TelegramFormat.WMBUS_DETECT);
        assertThat(d.format()).isEqualTo(FrameFormat.A);
        assertThat(d.frame()[10] & 0xFF).isEqualTo(0x7A);
        assertThat(d.frame()).hasSize(0x34 + 1);
    }
}
