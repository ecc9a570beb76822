package org.metergate.mbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/** EN 13757-2 frame formats: single character, short frame, control frame, long frame. */
class LinkLayerTest {

    private static byte[] hex(String s) throws MBusDecodeException {
        return Hex.parse(s);
    }

    @Test
    void singleCharacterE5IsTheAcknowledgement() throws Exception {
        assertThat(LinkLayer.decode(hex("E5"))).isEqualTo(SingleCharacter.ACK);
        assertThat(LinkLayer.encode(SingleCharacter.ACK)).containsExactly(0xE5);
    }

    @Test
    void shortFrameReqUd2ToTheBroadcastWithReplyAddress() throws Exception {
        // 10 C A CS 16 with CS = C + A: REQ_UD2 (5B) to 254, as libmbus sends it
        byte[] frame = hex("10 5B FE 59 16");
        ShortFrame f = (ShortFrame) LinkLayer.decode(frame);
        assertThat(f.control().function()).isEqualTo(LinkFunction.REQ_UD2);
        assertThat(f.control().frameCountBit()).isFalse();
        assertThat(f.address()).isEqualTo(254);
        assertThat(AddressField.of(f.address())).isEqualTo(AddressField.BROADCAST_WITH_REPLY);
        assertThat(LinkLayer.encode(ShortFrame.reqUd2(254, false))).isEqualTo(frame);
    }

    @Test
    void shortFrameSndNkeResetsTheSlave() throws Exception {
        assertThat(LinkLayer.encode(ShortFrame.sndNke(1))).isEqualTo(hex("10 40 01 41 16"));
        assertThat(((ShortFrame) LinkLayer.decode(hex("10 40 01 41 16"))).control().function()).isEqualTo(LinkFunction.SND_NKE);
    }

    @Test
    void controlFrameHasL3AndNoData() throws Exception {
        // application error without code: libmbus error-frames/error.hex
        byte[] frame = hex("68 03 03 68 08 01 70 79 16");
        ControlFrame f = (ControlFrame) LinkLayer.decode(frame);
        assertThat(f.control().function()).isEqualTo(LinkFunction.RSP_UD);
        assertThat(f.address()).isEqualTo(1);
        assertThat(f.ci()).isEqualTo(0x70);
        assertThat(LinkLayer.encode(f)).isEqualTo(frame);
    }

    @Test
    void longFrameCarriesCiAndDataAndRoundTrips() throws Exception {
        // libmbus test-frames/frame2.hex
        byte[] frame = hex("68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16");
        LongFrame f = (LongFrame) LinkLayer.decode(frame);
        assertThat(f.control()).isEqualTo(ControlField.rspUd(false, false));
        assertThat(f.address()).isEqualTo(2);
        assertThat(f.ci()).isEqualTo(0x72);
        assertThat(f.dataLength()).isEqualTo(0x1F - 3);
        assertThat(LinkLayer.encode(f)).isEqualTo(frame);
        assertThat(LinkLayer.verifyLongFrame(frame, 0, frame.length)).isEqualTo(0x1F);
    }

    @Test
    void encodingComputesLFieldsAndChecksum() throws Exception {
        // SND_UD to address 5 setting the primary address to 8 (libmbus unsupported-frames/manual_frame4.hex, to 5)
        LongFrame f = LongFrame.of(ControlField.sndUd(true), 5, hex("51 01 7A 08"));
        // L = C, A, CI + 3 data bytes = 6; CS = 73 + 05 + 51 + 01 + 7A + 08 = 14C -> 4C
        assertThat(LinkLayer.encode(f)).isEqualTo(hex("68 06 06 68 73 05 51 01 7A 08 4C 16"));
        assertThat(LinkLayer.decode(LinkLayer.encode(f))).isEqualTo(f);
    }

    @Test
    void aWrongChecksumIsRefusedAtTheChecksumByte() {
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 03 03 68 08 01 70 7A 16")))
                .isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("checksum")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(7);
        assertThatThrownBy(() -> LinkLayer.decode(hex("10 5B FE 58 16")))
                .isInstanceOf(MBusDecodeException.class)
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(3);
    }

    @Test
    void aWrongStopByteIsRefused() {
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 03 03 68 08 01 70 79 17")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("stop byte")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(8);
    }

    @Test
    void theTwoLFieldsMustBeEqualAndTheSecondStartByteThere() {
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 03 04 68 08 01 70 79 16")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("L-fields differ")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(2);
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 03 03 69 08 01 70 79 16")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("second start byte");
        // libmbus unsupported-frames/invalid_length.hex: L = 0
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 00 00 68 08 16")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("less than 3");
    }

    @Test
    void aFrameCutShortOrFollowedByBytesIsRefused() {
        assertThatThrownBy(() -> LinkLayer.decode(hex("68 1F 1F 68 08 02 72")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("premature end of frame");
        assertThatThrownBy(() -> LinkLayer.decode(hex("E5 E5")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("1 bytes after the end")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(1);
        assertThatThrownBy(() -> LinkLayer.decode(new byte[0])).isInstanceOf(MBusDecodeException.class);
        assertThatThrownBy(() -> LinkLayer.decode(hex("A5"))).isInstanceOf(MBusDecodeException.class)
                .hasMessageContaining("not a start byte");
    }

    @Test
    void aReceiverLearnsTheFrameLengthFromTheFirstBytes() throws Exception {
        byte[] buf = hex("68 1F 1F 68 08");
        assertThat(LinkLayer.frameLength(buf, 0, 1)).isEqualTo(-1);
        assertThat(LinkLayer.frameLength(buf, 0, 4)).isEqualTo(0x1F + 6);
        assertThat(LinkLayer.frameLength(hex("E5"), 0, 1)).isEqualTo(1);
        assertThat(LinkLayer.frameLength(hex("10"), 0, 1)).isEqualTo(5);
    }

    @Test
    void offsetsAreAbsoluteInTheCallersArray() throws Exception {
        byte[] buf = hex("00 00 68 03 03 68 08 01 70 7A 16");
        assertThatThrownBy(() -> LinkLayer.decode(buf, 2, 9))
                .isInstanceOf(MBusDecodeException.class)
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(9);
    }
}
