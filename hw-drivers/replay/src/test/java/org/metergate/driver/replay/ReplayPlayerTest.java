package org.metergate.driver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.junit.jupiter.api.Test;

class ReplayPlayerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private static RecordedFrame frame(long offset, RadioModeId mode, int firstByte) {
        return new RecordedFrame(offset, mode, OptionalInt.of(-70), TelegramFormat.WMBUS_NO_CRC, new byte[] {(byte) firstByte});
    }

    @Test
    void keepsTheRecordedSpacingScaledBySpeed() {
        List<Long> sleeps = new ArrayList<>();
        List<RawTelegram> got = new ArrayList<>();
        TransceiverListener l = got::add;
        ReplayPlayer p = new ReplayPlayer("r", Recording.of(List.of(frame(0, RadioModeId.T1, 1), frame(1000, RadioModeId.T1, 2),
                frame(4000, RadioModeId.T1, 3))), 2.0, false, () -> l, () -> EnumSet.of(RadioModeId.T1), CLOCK, sleeps::add);
        p.run();
        assertThat(sleeps).containsExactly(500L, 1500L);
        assertThat(got).extracting(t -> t.byteAt(0)).containsExactly(1, 2, 3);
        assertThat(got.get(0).info().receiver()).isEqualTo("r");
        assertThat(got.get(0).info().radioMode()).isEqualTo("T1");
        assertThat(got.get(0).info().rssiDbm()).hasValue(-70);
        assertThat(p.delivered()).isEqualTo(3);
    }

    @Test
    void aReceiverDoesNotHearModesItIsNotSwitchedTo() {
        List<RawTelegram> got = new ArrayList<>();
        TransceiverListener l = got::add;
        ReplayPlayer p = new ReplayPlayer("r", Recording.of(List.of(frame(0, RadioModeId.T1, 1), frame(0, RadioModeId.C1, 2))),
                0, false, () -> l, () -> Set.of(RadioModeId.C1), CLOCK, ms -> { });
        p.run();
        assertThat(got).extracting(t -> t.byteAt(0)).containsExactly(2);
        assertThat(p.filtered()).isEqualTo(1);
    }

    @Test
    void waitsForAListenerInsteadOfLosingFrames() {
        List<RawTelegram> got = new ArrayList<>();
        TransceiverListener l = got::add;
        int[] polls = {0};
        // the listener appears after three polls
        ReplayPlayer p = new ReplayPlayer("r", Recording.of(List.of(frame(0, RadioModeId.T1, 7))), 0, false,
                () -> ++polls[0] > 3 ? l : null, () -> Set.of(RadioModeId.T1), CLOCK, ms -> { });
        p.run();
        assertThat(got).hasSize(1);
        assertThat(polls[0]).isEqualTo(4);
    }

    @Test
    void aRecordingOfAnyLengthPlaysFromTheFileOneFrameAtATime(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("big.replay");
        try (var w = java.nio.file.Files.newBufferedWriter(file)) {
            for (int i = 0; i < 100_000; i++) {
                w.write("0 T1 -70 NOCRC 0A" + String.format("%06X", i) + "\n");
            }
        }
        long[] got = {0};
        int[] last = {-1};
        TransceiverListener l = t -> {
            got[0]++;
            last[0] = (t.byteAt(1) << 16) | (t.byteAt(2) << 8) | t.byteAt(3);
        };
        Recording recording = () -> new ReplayFile.Lines(java.nio.file.Files.newBufferedReader(file), "big.replay");
        new ReplayPlayer("r", recording, 0, false, () -> l, () -> Set.of(RadioModeId.T1), CLOCK, ms -> { }).run();
        assertThat(got[0]).isEqualTo(100_000);
        assertThat(last[0]).isEqualTo(99_999);
    }

    @Test
    void loopsUntilInterrupted() throws Exception {
        List<RawTelegram> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        TransceiverListener l = got::add;
        ReplayPlayer p = new ReplayPlayer("r", Recording.of(List.of(frame(0, RadioModeId.T1, 1), frame(10, RadioModeId.T1, 2))), 1.0,
                true, () -> l, () -> Set.of(RadioModeId.T1), CLOCK, Thread::sleep);
        Thread t = new Thread(p);
        t.start();
        org.awaitility.Awaitility.await().until(() -> got.size() >= 6);
        t.interrupt();
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }
}
