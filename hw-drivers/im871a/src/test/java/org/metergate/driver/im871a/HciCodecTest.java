package org.metergate.driver.im871a;

import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The HCI framing of WMBus_HCI_Spec: SOF, control/endpoint, message id, length, payload, time stamp, RSSI, FCS. */
class HciCodecTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Sensus iPERL T1 telegram from wmbusmeters drivers/src/iperl.xmq (without its L-field: the HCI length is L). */
    private static final String IPERL_FROM_C = "44AE4C4455223368077A55000000041389E20100023B0000";

    private final List<String> faults = new ArrayList<>();
    private final List<HciFrame> frames = new ArrayList<>();
    private final HciCodec codec = new HciCodec((k, d) -> faults.add(k + " " + d), 500);

    private void feed(String hex, long at) {
        byte[] b = HEX.parseHex(hex);
        codec.feed(b, b.length, at, frames::add);
    }

    /** A WMBUSMSG_IND with time stamp, RSSI and FCS attached (control 0xE). */
    static String indication(String payloadHex, int rssi) {
        byte[] p = HEX.parseHex(payloadHex);
        byte[] f = new byte[4 + p.length + 4 + 1 + 2];
        f[0] = (byte) 0xA5;
        f[1] = (byte) 0xE2;
        f[2] = 0x03;
        f[3] = (byte) p.length;
        System.arraycopy(p, 0, f, 4, p.length);
        int at = 4 + p.length;
        f[at] = 0x78;
        f[at + 1] = 0x56;
        f[at + 2] = 0x34;
        f[at + 3] = 0x12;
        f[at + 4] = (byte) rssi;
        int crc = HciCrc.of(f, 1, f.length - 3);
        f[f.length - 2] = (byte) crc;
        f[f.length - 1] = (byte) (crc >> 8);
        return HEX.formatHex(f);
    }

    @Test
    void fcsIsTheX25Crc() {
        // the CRC-16 check value of "123456789" for this polynomial, reflection, init and inversion
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(HciCrc.of(check, 0, check.length)).isEqualTo(0x906E);
    }

    @Test
    void requestsCarryEndpointIdLengthAndPayload() {
        assertThat(HEX.formatHex(HciCodec.encode(HciMessageId.DEVMGMT_PING_REQ, new byte[0]))).isEqualTo("A5010100");
        assertThat(HEX.formatHex(HciCodec.encode(HciMessageId.RADIOLINK_WMBUSMSG_REQ, new byte[] {0x44})))
                .isEqualTo("A502010144");
    }

    @Test
    void decodesAReceivedFrameWithTimestampRssiAndFcsSplitAcrossReads() {
        String ind = indication(IPERL_FROM_C, 125);
        feed(ind.substring(0, 7 * 2), 0);
        assertThat(frames).isEmpty();
        feed(ind.substring(7 * 2), 5);
        assertThat(faults).isEmpty();
        assertThat(frames).hasSize(1);
        HciFrame f = frames.get(0);
        assertThat(f.message()).isEqualTo(HciMessageId.RADIOLINK_WMBUSMSG_IND);
        assertThat(HEX.formatHex(f.payload())).isEqualTo(IPERL_FROM_C);
        assertThat(f.timestamp()).hasValue(0x12345678L);
        assertThat(f.rssi()).hasValue(125);
    }

    @Test
    void decodesAResponseWithoutAttachedFields() {
        feed("A50104010000", 0); // SET_CONFIG_RSP status 0, then a stray 00
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo(HciMessageId.DEVMGMT_SET_CONFIG_RSP);
            assertThat(f.status()).isZero();
            assertThat(f.rssi()).isEmpty();
            assertThat(f.timestamp()).isEmpty();
        });
        assertThat(faults).containsExactly("FRAMING 1 bytes before a start of frame (0xA5) skipped");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "noise before the frame | 00FF1234 | FRAMING 4 bytes before a start of frame (0xA5) skipped",
        "reserved control bit | A51102 | FRAMING reserved control bit set (0x11): not a frame start",
        "endpoint 9 | A50902 | FRAMING endpoint 9 does not exist: not a frame start",
        "unknown DEVMGMT message | A5015501AA | UNKNOWN_MESSAGE DEVMGMT message 0x55 with 1 payload bytes",
        "unknown RADIOLINK message | A5020900 | UNKNOWN_MESSAGE RADIOLINK message 0x09 with 0 payload bytes",
        "wrong FCS | A58102000000 | CHECKSUM FCS 0000, computed"})
    void badInputIsCountedByKindAndTheNextFrameStillDecodes(String what, String bad, String fault) {
        feed(bad, 0);
        feed(indication(IPERL_FROM_C, 100), 1);
        assertThat(frames).as(what).hasSize(1);
        assertThat(faults).as(what).isNotEmpty();
        assertThat(faults.get(0)).startsWith(fault);
    }

    @Test
    void aCorruptedFrameFailsItsFcs() {
        String good = indication(IPERL_FROM_C, 100);
        // flip one payload bit
        char[] c = good.toCharArray();
        c[10] = c[10] == '0' ? '1' : '0';
        feed(new String(c), 0);
        feed(good, 1);
        assertThat(frames).hasSize(1);
        assertThat(faults).singleElement().asString().startsWith("CHECKSUM FCS");
    }

    @Test
    void aFrameCutOffBySilenceIsDroppedAfterTheStaleTime() {
        String ind = indication(IPERL_FROM_C, 100);
        feed(ind.substring(0, 20), 0);
        feed(ind, 600); // the rest of the first never came; a whole new frame follows
        assertThat(frames).hasSize(1);
        assertThat(faults).singleElement().asString().startsWith("FRAMING incomplete frame of 10 bytes dropped after 600 ms");
    }

    @Test
    void randomBytesNeverThrowAndGoodFramesStillDecodeAfterThem() {
        Random r = new Random(871);
        for (int round = 0; round < 2000; round++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            if (r.nextInt(4) == 0 && junk.length > 0) {
                junk[0] = (byte) 0xA5; // plausible starts, too
            }
            codec.feed(junk, junk.length, round, frames::add);
        }
        codec.reset();
        frames.clear();
        feed(indication(IPERL_FROM_C, 100), 5000);
        assertThat(frames).hasSize(1);
        assertThat(faults).isNotEmpty();
    }
}
