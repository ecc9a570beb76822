package org.metergate.wmbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.link.CField;
import org.metergate.wmbus.link.FrameFormat;
import org.metergate.wmbus.security.SecurityStatus;
import org.metergate.wmbus.transport.HeaderType;
import org.metergate.wmbus.transport.SessionNumber;

/** The encoder builds what the decoder reads back: every layer, every security mode it supports, every frame format. */
class TelegramBuilderRoundTripTest {

    static final MeterAddress METER = MeterAddress.of("ELS", "12345678", 0x33, DeviceType.GAS);
    static final MeterKey KEY = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
    /** Volume 28504.27 m3, date/time, error flags: the records of the OMS example. */
    static final byte[] RECORDS = HexFormat.of().parseHex("0c1427048502046d32371f1502fd170000");

    private static WMBusDecoder decoder() {
        return new WMBusDecoder(m -> m.equals(METER.meterId()) ? Optional.of(KEY) : Optional.empty());
    }

    static Stream<Arguments> variants() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (FrameFormat format : FrameFormat.values()) {
            for (String security : new String[] {"mode0", "mode5", "mode7", "ellCtr", "ellCtr+mode5", "ell+mode7"}) {
                for (boolean longHeader : new boolean[] {false, true}) {
                    s.add(Arguments.of(format, security, longHeader));
                }
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} {1} long header {2}")
    @MethodSource("variants")
    void roundTrip(FrameFormat format, String security, boolean longHeader) throws WMBusException {
        TelegramBuilder b = TelegramBuilder.meter(METER).accessNumber(0x75).records(RECORDS);
        if (longHeader) {
            b.longHeader();
        }
        switch (security) {
            case "mode5" -> b.mode5(KEY);
            case "mode7" -> b.mode7(KEY, 0xAB3);
            case "ellCtr" -> b.ellCtr(0x20, SessionNumber.of(1, 12345, 3), KEY);
            case "ellCtr+mode5" -> b.ellCtr(0x20, SessionNumber.of(1, 12345, 3), KEY).mode5(KEY);
            case "ell+mode7" -> b.ell(0x20).mode7(KEY, 0xAB3);
            default -> { }
        }
        byte[] frame = b.build(format);
        WMBusTelegram t = decoder().decode(frame);
        assertThat(t.link().format()).isEqualTo(format);
        assertThat(t.meter()).isEqualTo(METER);
        assertThat(t.transport().orElseThrow().type()).isEqualTo(longHeader ? HeaderType.LONG : HeaderType.SHORT);
        assertThat(t.security().status()).isEqualTo(security.equals("mode0") ? SecurityStatus.NOT_ENCRYPTED : SecurityStatus.DECRYPTED);
        assertThat(t.security().authenticated()).isEqualTo(security.contains("mode7"));
        byte[] apl = t.applicationData();
        int start = security.contains("mode5") || security.contains("mode7") ? 2 : 0;
        assertThat(java.util.Arrays.copyOfRange(apl, start, start + RECORDS.length)).isEqualTo(RECORDS);
    }

    @Test
    void theOmsExampleIsRebuiltByteForByte() {
        // OMS Vol. 2 annex example (see Mode7DecryptionTest): C 0x44, ELL I CC 0x20, ACC 0x75, counter 0xAB3,
        // status 0, the records followed by 2F fillers.
        byte[] frame = TelegramBuilder.meter(METER).control(CField.SND_NR).accessNumber(0x75).ell(0x20)
                .records(RECORDS).mode7(KEY, 0xAB3).build();
        assertThat(HexFormat.of().withUpperCase().formatHex(frame)).isEqualTo(
                "434493157856341233038C2075900F002C25B30A000021924D4F2FB66E017A75002007109058475F4BC91DF8"
                        + "78B80A1B0F98B629024AAC727942BFC549233C0140829B93");
    }

    @Test
    void aMeterBehindARadioConverterUsesTheLongHeaderAddressForItsKey() throws WMBusException {
        MeterAddress converter = MeterAddress.of("QDS", "87654321", 1, DeviceType.RADIO_CONVERTER_METER);
        byte[] frame = TelegramBuilder.meter(METER).transmitter(converter).accessNumber(3).records(RECORDS).mode5(KEY).build();
        WMBusTelegram t = decoder().decode(frame);
        assertThat(t.link().address()).isEqualTo(converter);
        assertThat(t.meter()).isEqualTo(METER);
        assertThat(t.security().decrypted()).isTrue();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FrameFormat.class)
    void longTelegramsUseFormatBBlock3(FrameFormat format) throws WMBusException {
        byte[] many = new byte[6 * 30]; // 30 records 04 13 <volume>
        for (int i = 0; i < 30; i++) {
            many[6 * i] = 0x04;
            many[6 * i + 1] = 0x13;
            many[6 * i + 2] = (byte) i;
        }
        byte[] frame = TelegramBuilder.meter(METER).accessNumber(1).records(many).build(format);
        WMBusTelegram t = decoder().decode(frame);
        assertThat(t.records()).hasSize(30);
        assertThat(t.link().format()).isEqualTo(format);
    }

    @Test
    void noHeaderFullFrame() throws WMBusException {
        byte[] frame = TelegramBuilder.meter(METER).noHeader().ellCtr(0x20, SessionNumber.of(1, 1, 1), KEY).records(RECORDS).build();
        WMBusTelegram t = decoder().decode(frame);
        assertThat(t.ciChain()).containsExactly(0x8D, 0x78);
        assertThat(t.applicationData()).isEqualTo(RECORDS);
    }
}
