package org.metergate.radio.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.RadioMode.FrameFormat;

/** EN 13757-4 frame formats A and B: how many bytes follow an L-field, and where the CRCs sit. */
class FrameLayoutTest {

    @Test
    void formatAHasOneCrcPerBlock() throws ChipCodingException {
        assertThat(FrameLayout.totalLength(FrameFormat.A, 9)).isEqualTo(12); // block 1 alone
        assertThat(FrameLayout.totalLength(FrameFormat.A, 0x43)).isEqualTo(68 + 10); // 5 blocks
        assertThat(FrameLayout.totalLength(FrameFormat.A, 9 + 16)).isEqualTo(26 + 4);
        assertThat(FrameLayout.totalLength(FrameFormat.A, 9 + 17)).isEqualTo(27 + 6);
        assertThat(FrameLayout.totalLength(FrameFormat.A, 255)).isEqualTo(FrameLayout.MAX_LENGTH);
    }

    @Test
    void formatBLFieldCountsItsCrcs() throws ChipCodingException {
        assertThat(FrameLayout.totalLength(FrameFormat.B, 11)).isEqualTo(12);
        assertThat(FrameLayout.totalLength(FrameFormat.B, 127)).isEqualTo(128); // blocks 1+2 full, one CRC
        assertThat(FrameLayout.totalLength(FrameFormat.B, 130)).isEqualTo(131); // block 3 with one data byte
    }

    @Test
    void impossibleLFieldsAreInvalidLengths() {
        for (int[] c : new int[][] {{'A', 8}, {'B', 10}, {'B', 128}, {'B', 129}}) {
            FrameFormat f = FrameFormat.valueOf(String.valueOf((char) c[0]));
            assertThatThrownBy(() -> FrameLayout.totalLength(f, c[1])).isInstanceOfSatisfying(ChipCodingException.class,
                    e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.INVALID_LENGTH));
        }
    }

    @Test
    void crcsAddedToThePublishedOmsExampleGiveTheTransmittedFrame() {
        byte[] framed = FrameLayout.withCrcs(RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_NO_CRC), FrameFormat.A);
        assertThat(framed).isEqualTo(RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A));
        assertThat(FrameLayout.firstBadCrc(FrameFormat.A, framed)).isEqualTo(-1);
        assertThat(FrameLayout.withoutCrcs(framed, FrameFormat.A))
                .isEqualTo(RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_NO_CRC));
    }

    @Test
    void aCorruptedByteIsFoundAtTheCrcOfItsBlock() {
        byte[] framed = RealTelegrams.hex(RealTelegrams.OMS_EXAMPLE_FORMAT_A);
        framed[12 + 18 + 5] ^= 0x01; // a data byte of block 3
        assertThat(FrameLayout.firstBadCrc(FrameFormat.A, framed)).isEqualTo(12 + 18 + 16);
    }

    @Test
    void formatBRoundTripsWithAndWithoutBlock3() throws ChipCodingException {
        for (RealTelegrams.Telegram t : RealTelegrams.handful()) {
            byte[] b = t.framed(FrameFormat.B);
            assertThat(b.length).as(t.toString()).isEqualTo(FrameLayout.totalLength(FrameFormat.B, b[0] & 0xFF));
            assertThat(b.length - t.withoutCrcs().length).isEqualTo(t.withoutCrcs().length > 126 ? 4 : 2);
            assertThat(FrameLayout.firstBadCrc(FrameFormat.B, b)).isEqualTo(-1);
            assertThat(FrameLayout.withoutCrcs(b, FrameFormat.B)).isEqualTo(t.withoutCrcs());
            byte[] a = t.framed(FrameFormat.A);
            assertThat(a.length).isEqualTo(FrameLayout.totalLength(FrameFormat.A, a[0] & 0xFF));
            assertThat(FrameLayout.withoutCrcs(a, FrameFormat.A)).isEqualTo(t.withoutCrcs());
        }
    }

    @Test
    void framesThatDoNotFitAreRejected() {
        assertThatThrownBy(() -> FrameLayout.withCrcs(new byte[] {5, 1, 2}, FrameFormat.A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameLayout.withCrcs(new byte[254], FrameFormat.B))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
