package org.metergate.wmbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.ReplayCheck.Counter;

/**
 * Replay protection (EN 13757-7 / OMS): per meter, the AFL message counter or else the access number may
 * not go back beyond a window; such telegrams are flagged and counted, never dropped.
 */
class ReplayDetectionTest {

    static final MeterAddress METER = MeterAddress.of("ELS", "12345678", 0x33, DeviceType.GAS);
    static final MeterKey KEY = MeterKey.ofHex("000102030405060708090A0B0C0D0E0F");
    static final byte[] RECORDS = {0x0C, 0x14, 0x27, 0x04, (byte) 0x85, 0x02};

    @Test
    void messageCounterGoingBackBeyondTheWindowIsAReplay() throws WMBusException {
        WMBusDecoder d = new WMBusDecoder(m -> Optional.of(KEY), DecoderOptions.defaults().withWindows(2, 2));
        byte[] t100 = TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 100).build();
        byte[] t101 = TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 101).build();
        byte[] t99 = TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 99).build();
        byte[] t50 = TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 50).build();

        assertThat(d.decode(t100).replay().verdict()).isEqualTo(ReplayVerdict.FIRST);
        assertThat(d.decode(t101).replay().verdict()).isEqualTo(ReplayVerdict.FORWARD);
        assertThat(d.decode(t101).replay().verdict()).isEqualTo(ReplayVerdict.SAME);
        assertThat(d.decode(t99).replay().verdict()).isEqualTo(ReplayVerdict.WITHIN_WINDOW);
        WMBusTelegram replayed = d.decode(t50);
        assertThat(replayed.replay().verdict()).isEqualTo(ReplayVerdict.REPLAY);
        assertThat(replayed.replay().counter()).isEqualTo(Counter.MESSAGE_COUNTER);
        assertThat(replayed.replay().previous()).isEqualTo(101);
        assertThat(replayed.security().decrypted()).isTrue(); // flagged, not dropped: the records are there
        assertThat(replayed.applicationData()).isNotEmpty();
        assertThat(d.replayGuard().replays()).isEqualTo(1);
        // the replay did not move the counter back: 101 is still the reference
        assertThat(d.decode(t100).replay().verdict()).isEqualTo(ReplayVerdict.WITHIN_WINDOW);
    }

    @Test
    void accessNumberWrapsAround() {
        ReplayGuard g = new ReplayGuard(3, 3, 10);
        MeterId m = METER.meterId();
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 254, true).verdict()).isEqualTo(ReplayVerdict.FIRST);
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 1, true).verdict()).isEqualTo(ReplayVerdict.FORWARD);
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 255, true).verdict()).isEqualTo(ReplayVerdict.WITHIN_WINDOW);
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 250, true).verdict()).isEqualTo(ReplayVerdict.REPLAY);
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 120, true).verdict()).isEqualTo(ReplayVerdict.FORWARD); // a long gap
        assertThat(g.check(m, Counter.ACCESS_NUMBER, 250, true).verdict()).isEqualTo(ReplayVerdict.REPLAY); // 127 back
        assertThat(g.replays()).isEqualTo(2);
    }

    @Test
    void accessNumbersOfTelegramsWithoutAfl() throws WMBusException {
        WMBusDecoder d = new WMBusDecoder(m -> Optional.of(KEY), DecoderOptions.defaults().withWindows(0, 0));
        assertThat(d.decode(TelegramBuilder.meter(METER).accessNumber(10).records(RECORDS).mode5(KEY).build()).replay().verdict())
                .isEqualTo(ReplayVerdict.FIRST);
        WMBusTelegram back = d.decode(TelegramBuilder.meter(METER).accessNumber(9).records(RECORDS).mode5(KEY).build());
        assertThat(back.replay().verdict()).isEqualTo(ReplayVerdict.REPLAY);
        assertThat(back.replay().counter()).isEqualTo(Counter.ACCESS_NUMBER);
    }

    @Test
    void telegramsThatFailTheirSecurityCheckDoNotMoveTheCounter() throws WMBusException {
        MeterKey wrong = MeterKey.ofHex("FF0102030405060708090A0B0C0D0E0F");
        WMBusDecoder d = new WMBusDecoder(m -> Optional.of(KEY));
        WMBusTelegram forged = d.decode(TelegramBuilder.meter(METER).records(RECORDS).mode7(wrong, 1_000_000).build());
        assertThat(forged.security().failure().kind()).isEqualTo(org.metergate.wmbus.security.SecurityErrorKind.MAC_MISMATCH);
        assertThat(forged.replay().verdict()).isEqualTo(ReplayVerdict.NOT_CHECKED);
        assertThat(d.decode(TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 5).build()).replay().verdict())
                .isEqualTo(ReplayVerdict.FIRST);
    }

    @Test
    void replayDetectionCanBeSwitchedOff() throws WMBusException {
        WMBusDecoder d = new WMBusDecoder(m -> Optional.of(KEY), DecoderOptions.defaults().withReplayDetection(false));
        assertThat(d.decode(TelegramBuilder.meter(METER).records(RECORDS).mode7(KEY, 5).build()).replay().verdict())
                .isEqualTo(ReplayVerdict.NOT_CHECKED);
    }
}
