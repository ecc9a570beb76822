package org.metergate.mbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metergate.mbus.app.DataSend;
import org.metergate.mbus.app.VariableDataResponse;
import org.metergate.mbus.link.ShortFrame;

/** Whole wired frames through both layers. */
class MBusDecoderTest {

    @Test
    void aReadoutDecodesToItsRecords() throws Exception {
        // libmbus test-frames/frame2.hex
        VariableDataResponse v = (VariableDataResponse) MBusDecoder.decodeReadout(Hex.parse(
                "68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16"));
        assertThat(v.data().records()).hasSize(3);
        // offsets are frame offsets: the first record's DIF follows C, A, CI and the 12-byte header
        assertThat(v.data().records().get(0).offset()).isEqualTo(19);
    }

    @Test
    void anyFrameDecodesWithWhatItCarries() throws Exception {
        DecodedFrame shortFrame = MBusDecoder.decode(Hex.parse("10 5B FE 59 16"));
        assertThat(shortFrame.link()).isInstanceOf(ShortFrame.class);
        assertThat(shortFrame.application()).isNull();
        // libmbus unsupported-frames/manual_frame5.hex: SND_UD with CI 51 (a master's data send)
        DecodedFrame send = MBusDecoder.decode(Hex.parse("68 0D 0D 68 53 FE 51 07 79 04 03 02 01 24 40 01 04 95 16"));
        assertThat(send.application()).isInstanceOf(DataSend.class);
    }

    @Test
    void aReadoutMustBeAnRspUdWithData() {
        assertThatThrownBy(() -> MBusDecoder.decodeReadout(Hex.parse("68 06 06 68 53 FE 51 01 7A 08 25 16")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("not RSP_UD");
        // libmbus error-frames/too_many_readouts.hex: the slave reports an application error
        assertThatThrownBy(() -> MBusDecoder.decodeReadout(Hex.parse("68 04 04 68 08 01 70 09 82 16")))
                .isInstanceOf(MBusDecodeException.class).hasMessageContaining("application error 09: too many readouts")
                .extracting(e -> ((MBusDecodeException) e).offset()).isEqualTo(6);
        assertThatThrownBy(() -> MBusDecoder.decodeReadout(Hex.parse("E5"))).isInstanceOf(MBusDecodeException.class);
    }
}
