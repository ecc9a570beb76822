package org.metergate.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.MeterId;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.Unit;
import org.metergate.api.security.MeterKey;
import org.metergate.api.security.MeterKeyStore;
import org.metergate.api.stats.ErrorKind;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.core.pipeline.DecodeResult;

/**
 * Real telegrams through the codecs into readings. Telegrams and keys from the public test data of
 * the wmbusmeters project (drivers iperl and kadenwater), with the values that project expects.
 */
class CodecTelegramDecoderTest {

    static final String IPERL = "1844AE4C4455223368077A55000000041389E20100023B0000";
    static final String KADEN = "4E448E2C6179221901077AB50040054D008A1AD5270D9CF92952500BD3938EA37FCAC71A45D4349FB13C89"
            + "CFA4AAEBD6ECF9CAAF1C0710C1D6B4D98F23109CEF5FA6FEC93FD6A148730EA51102DBCC";
    static final String KADEN_KEY = "82B0551191F51D66EFCDAB8967452301";

    static DecoderConfig config() {
        return new DecoderConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DecoderConfig.class; }
            @Override public String meter_time_zone() { return "Europe/Berlin"; }
            @Override public boolean replay_detection() { return true; }
            @Override public int access_number_window() { return 16; }
            @Override public long message_counter_window() { return 0; }
        };
    }

    static final class Keys implements MeterKeyStore {
        final java.util.Map<MeterId, MeterKey> keys = new java.util.HashMap<>();
        @Override public Optional<MeterKey> keyFor(MeterId m) { return Optional.ofNullable(keys.get(m)); }
        @Override public void put(MeterId m, MeterKey k) { keys.put(m, k); }
        @Override public boolean remove(MeterId m) { return keys.remove(m) != null; }
        @Override public void putDefault(MeterKey k) { }
        @Override public boolean removeDefault() { return false; }
        @Override public boolean hasDefault() { return false; }
        @Override public SortedSet<MeterId> meters() { return new TreeSet<>(keys.keySet()); }
        @Override public int importKeys(Reader r) { return 0; }
        @Override public void exportKeys(Writer w) { }
    }

    static RawTelegram telegram(String hex) {
        return new RawTelegram(HexFormat.of().parseHex(hex), TelegramFormat.WMBUS_NO_CRC,
                new ReceiveInfo(Instant.parse("2026-11-21T10:00:00Z"), OptionalInt.of(-70), "wmbus", "T1", "stick"));
    }

    @Test
    void aPlainTelegramBecomesReadingsWithExactValues() {
        CodecTelegramDecoder d = new CodecTelegramDecoder(config());
        DecodeResult r = d.decode(telegram(IPERL));
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded dec = (DecodeResult.Decoded) r;
        assertThat(dec.meter().toString()).isEqualTo("SEN-33225544 v68 water");
        Reading volume = dec.readings().stream().filter(x -> x.quantity().startsWith("volume") && x.storage() == 0)
                .findFirst().orElseThrow();
        assertThat(volume.value()).isEqualByComparingTo("123.529");
        assertThat(volume.unit()).isEqualTo(Unit.CUBIC_METRE);
        assertThat(volume.time()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(dec.status()).isZero();
    }

    @Test
    void anEncryptedTelegramNeedsTheKeyFromTheKeyStore() {
        CodecTelegramDecoder d = new CodecTelegramDecoder(config());
        DecodeResult noStore = d.decode(telegram(KADEN));
        assertThat(noStore).isInstanceOfSatisfying(DecodeResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(ErrorKind.NO_KEY);
            assertThat(f.meter().meterId()).isEqualTo(MeterId.parse("KDN-19227961"));
        });

        Keys keys = new Keys();
        keys.put(MeterId.parse("KDN-19227961"), MeterKey.ofHex("00".repeat(16)));
        d = new CodecTelegramDecoder(config());
        d.keys = keys;
        assertThat(d.decode(telegram(KADEN))).isInstanceOfSatisfying(DecodeResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(ErrorKind.WRONG_KEY);
            assertThat(f.reason()).doesNotContain(KADEN_KEY).doesNotContain("0000000000000000");
        });

        keys.put(MeterId.parse("KDN-19227961"), MeterKey.ofHex(KADEN_KEY));
        d = new CodecTelegramDecoder(config());
        d.keys = keys;
        DecodeResult.Decoded ok = (DecodeResult.Decoded) d.decode(telegram(KADEN));
        assertThat(ok.readings()).anySatisfy(x -> {
            assertThat(x.quantity()).startsWith("volume");
            assertThat(x.storage()).isZero();
            assertThat(x.value()).isEqualByComparingTo("22.761");
        });
    }

    @Test
    void anAccessNumberGoingBackBeyondTheWindowIsAReplay() {
        CodecTelegramDecoder d = new CodecTelegramDecoder(config());
        // IPERL's short TPL header starts after CI 7A with access number 0x55
        String older = IPERL.replace("7A55", "7A40"); // 21 back, window 16
        String newer = IPERL.replace("7A55", "7A56");
        assertThat(d.decode(telegram(IPERL))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(d.decode(telegram(newer))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(d.decode(telegram(older))).isInstanceOfSatisfying(DecodeResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(ErrorKind.REPLAY);
            assertThat(f.reason()).contains("possible replay of SEN-33225544");
        });
    }

    @Test
    void brokenFramesFailWithTheirKindAndTheTransmitterWhenItCanBeRead() {
        CodecTelegramDecoder d = new CodecTelegramDecoder(config());
        String truncated = IPERL.substring(0, IPERL.length() - 10);
        assertThat(d.decode(telegram(truncated))).isInstanceOfSatisfying(DecodeResult.Failed.class,
                f -> assertThat(f.kind()).isIn(ErrorKind.FRAMING, ErrorKind.DECODE));
        RawTelegram withCrc = new RawTelegram(HexFormat.of().parseHex("1844AE4C4455223368070000"), TelegramFormat.WMBUS_FORMAT_A,
                new ReceiveInfo(Instant.EPOCH, OptionalInt.empty(), "l", "", ""));
        assertThat(d.decode(withCrc)).isInstanceOf(DecodeResult.Failed.class);
        assertThat(d.transmissionKey(telegram(IPERL))).isEqualTo(HexFormat.of().parseHex(IPERL));
    }
}
