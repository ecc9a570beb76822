package org.metergate.wmbus.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.metergate.wmbus.WMBusDecoder;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusTelegram;

/**
 * OMS compact frames (CI 0x79): format signature (CRC over the full frame's data record headers) and
 * full-frame CRC (CRC over the rebuilt full frame records), both little-endian, then only the data.
 * The receiver rebuilds the full frame from the record headers of a full frame (CI 0x78) of the same
 * meter it has seen before.
 */
class CompactFrameTest {

    /** Kamstrup Multical 21, wmbusmeters drivers/src/kamwater.xmq: full frame (CI 0x78) ... */
    static final String MC21_FULL = "2A442D2C998734761B168D2091D37CAC21576C7802FF207100041308190000441308190000615B7F616713";
    /** ... and compact frame (CI 0x79) of the same meter, signature 0xA8ED, full-frame CRC 0xB66A. */
    static final String MC21_COMPACT = "23442D2C998734761B168D2087D19EAD217F1779EDA86AB6710008190000081900007F13";
    /** Kamstrup Multical 302, lvogt/wireless-mbus-parser test/parser.spec.ts ("Compact frame without cache, afterwards with"). */
    static final String MC302_FULL = "5C442D2C06357260190C8D207B70032F21271D7802F9FF15011104061765000004EEFF07BFA8000004EEFF08D24F00000414"
            + "B1FB000002FD170000026CE919426CFF184406F76400004414E8FA0000043B0B0000000259DB11025D1C0B";
    static final String MC302_COMPACT = "3F442D2C06357260190C8D207C71032F21255C79DD829283011117650000BFA80000D24F0000B1FB00000000E919FF18F764"
            + "0000E8FA00000B000000DB111C0B";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void formatSignatureIsTheCrcOfTheRecordHeaders() throws WMBusException {
        byte[] apl = hex("02FF207100041308190000441308190000615B7F616713");
        RecordFormat f = RecordFormat.of(apl, 0, apl.length);
        assertThat(f.size()).isEqualTo(5);
        assertThat(HexFormat.of().formatHex(f.headers())).isEqualTo("02ff200413441361" + "5b6167");
        assertThat(f.signature()).isEqualTo(0xA8ED);
    }

    @Test
    void compactFrameAfterItsFullFrame() throws WMBusException {
        WMBusDecoder decoder = WMBusDecoder.withoutKeys();
        WMBusTelegram full = decoder.decode(hex(MC21_FULL));
        WMBusTelegram compact = decoder.decode(hex(MC21_COMPACT));
        assertThat(compact.ciChain()).containsExactly(0x8D, 0x79);
        assertThat(compact.compactFrameSignature()).isEqualTo(0xA8ED);
        assertThat(compact.applicationKind()).isEqualTo(ApplicationKind.COMPACT_RECORDS);
        assertThat(compact.applicationData()).isEqualTo(full.applicationData()); // same values in both telegrams
    }

    @Test
    void compactFrameOfAHeatMeterRebuildsThirteenRecords() throws WMBusException {
        WMBusDecoder decoder = WMBusDecoder.withoutKeys();
        decoder.decode(hex(MC302_FULL));
        WMBusTelegram compact = decoder.decode(hex(MC302_COMPACT));
        assertThat(compact.compactFrameSignature()).isEqualTo(0x82DD);
        byte[] rebuilt = compact.applicationData();
        assertThat(RecordFormat.of(rebuilt, 0, rebuilt.length).size()).isEqualTo(13);
        assertThat(HexFormat.of().formatHex(rebuilt)).startsWith("02f9ff150111" + "04061765" + "0000");
    }

    @Test
    void compactFrameWithoutFullFrameIsReported() {
        WMBusDecoder decoder = WMBusDecoder.withoutKeys();
        assertThatThrownBy(() -> decoder.decode(hex(MC302_COMPACT))).isInstanceOfSatisfying(WMBusException.class, e -> {
            assertThat(e.kind()).isEqualTo(WMBusException.Kind.COMPACT_FRAME_UNKNOWN_FORMAT);
            assertThat(e.reason()).contains("0x82DD").contains("KAM-60723506");
        });
    }

    @Test
    void theFullFrameOfAnotherMeterDoesNotServe() throws WMBusException {
        WMBusDecoder decoder = WMBusDecoder.withoutKeys();
        decoder.decode(hex(MC21_FULL));
        assertThatThrownBy(() -> decoder.decode(hex(MC302_COMPACT))).isInstanceOfSatisfying(WMBusException.class,
                e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.COMPACT_FRAME_UNKNOWN_FORMAT));
    }

    @Test
    void dataThatDoNotRebuildTheNamedFullFrameFailTheCrc() throws WMBusException {
        WMBusDecoder decoder = WMBusDecoder.withoutKeys();
        decoder.decode(hex(MC21_FULL));
        byte[] c = hex(MC21_COMPACT);
        c[c.length - 3] ^= 1; // a data byte (the ELL CRC is recomputed so that only the compact frame is wrong)
        int crc = org.metergate.wmbus.link.Crc16.compute(c, 19, c.length - 19);
        c[17] = (byte) crc;
        c[18] = (byte) (crc >>> 8);
        assertThatThrownBy(() -> decoder.decode(c)).isInstanceOfSatisfying(WMBusException.class,
                e -> assertThat(e.kind()).isEqualTo(WMBusException.Kind.COMPACT_FRAME_CRC_ERROR));
    }

    @Test
    void aPreloadedFormatServesTheFirstCompactFrame() throws WMBusException {
        WMBusDecoder first = WMBusDecoder.withoutKeys();
        WMBusTelegram full = first.decode(hex(MC302_FULL));
        byte[] apl = full.applicationData();
        WMBusDecoder second = WMBusDecoder.withoutKeys();
        second.compactFrames().preload(full.meter(), RecordFormat.of(apl, 0, apl.length));
        assertThat(second.decode(hex(MC302_COMPACT)).compactFrameSignature()).isEqualTo(0x82DD);
    }
}
