package org.metergate.serial.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metergate.api.link.LinkState;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.junit.jupiter.api.Test;

class SupervisedTransceiverTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    /** A radio that listens to one mode at a time, with a device that can be plugged in and out. */
    static final class OneModeRadio extends SupervisedTransceiver<OneModeRadio.Session> {
        final AtomicBoolean present = new AtomicBoolean();
        final List<String> deviceLog = new CopyOnWriteArrayList<>();
        volatile Session session;

        final class Session implements RadioSession {
            final CountDownLatch gone = new CountDownLatch(1);

            @Override
            public void run() throws IOException, InterruptedException {
                gone.await();
                throw new IOException("unplugged");
            }

            @Override
            public void close() {
                gone.countDown();
            }

            @Override
            public void applyModes(Set<RadioModeId> modes) {
                deviceLog.add("mode " + modes);
            }

            @Override
            public void send(RadioModeId mode, byte[] frame) {
                deviceLog.add("send " + mode + " " + frame.length);
            }
        }

        OneModeRadio() throws IOException {
            super("r1", EnumSet.of(RadioModeId.T1, RadioModeId.T2, RadioModeId.C1), Set.of(RadioModeId.T1),
                    Backoff.ofMillis(5, 20), CLOCK, Sleeper.SYSTEM, (s, d) -> { });
        }

        @Override
        protected Session openSession() throws IOException {
            if (!present.get()) {
                throw new IOException("no device");
            }
            deviceLog.add("open " + activeModes());
            session = new Session();
            return session;
        }

        @Override
        protected Set<RadioModeId> choose(Set<RadioModeId> requested) {
            return Set.of(requested.contains(RadioModeId.C1) ? RadioModeId.C1 : requested.iterator().next());
        }

        void hear(String mode) {
            deliver(new byte[] {1, 0x44}, TelegramFormat.WMBUS_NO_CRC, OptionalInt.of(-80),
                    mode == null ? null : RadioModeId.ofLabel(mode));
        }
    }

    @Test
    void modesChosenWhileDownAreAppliedWhenTheDeviceComes() throws Exception {
        OneModeRadio r = new OneModeRadio();
        r.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> r.state() == LinkState.DOWN);
            assertThat(r.status().detail()).contains("cannot connect: no device");
            r.activate(EnumSet.of(RadioModeId.T1, RadioModeId.C1));
            assertThat(r.activeModes()).containsExactly(RadioModeId.C1);
            r.present.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> r.state() == LinkState.UP);
            assertThat(r.deviceLog).containsExactly("open [C1]");
            r.activate(Set.of(RadioModeId.T2));
            assertThat(r.deviceLog).containsExactly("open [C1]", "mode [T2]");
            assertThatThrownBy(() -> r.activate(Set.of(RadioModeId.S1))).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot receive [S1]");
        } finally {
            r.stop();
        }
        assertThat(r.state()).isEqualTo(LinkState.STOPPED);
    }

    @Test
    void framesAreDeliveredFilteredOrDroppedAndCounted() throws Exception {
        OneModeRadio r = new OneModeRadio();
        List<RawTelegram> got = new ArrayList<>();
        r.hear("T1"); // nobody attached yet
        r.setListener(got::add);
        r.hear("T1");
        r.hear("C1"); // not active
        r.hear(null); // hardware did not say
        r.setListener(t -> {
            throw new IllegalStateException("listener bug");
        });
        r.hear("T1");
        assertThat(got).hasSize(2);
        assertThat(got.get(0).info().radioMode()).isEqualTo("T1");
        assertThat(got.get(0).info().receiver()).isEqualTo("r1");
        assertThat(got.get(0).info().rssiDbm()).hasValue(-80);
        assertThat(got.get(0).info().time()).isEqualTo(CLOCK.instant());
        assertThat(got.get(1).info().radioMode()).isEmpty();
        assertThat(r.counters().received()).isEqualTo(4);
        assertThat(r.counters().dropped()).isEqualTo(2);
        assertThat(r.counters().filtered()).isEqualTo(1);
        assertThat(r.status().dropped()).isEqualTo(2);
    }

    @Test
    void sendingChecksModeFrameAndDevice() throws Exception {
        OneModeRadio r = new OneModeRadio();
        r.start();
        try {
            assertThatThrownBy(() -> r.send(RadioModeId.T1, new byte[] {1, 0x44})).hasMessageContaining("one-way");
            assertThatThrownBy(() -> r.send(RadioModeId.T2, new byte[] {5, 0x44})).hasMessageContaining("L-field");
            await().atMost(Duration.ofSeconds(5)).until(() -> r.state() == LinkState.DOWN);
            assertThatThrownBy(() -> r.send(RadioModeId.T2, new byte[] {1, 0x44})).hasMessageContaining("r1 is down");
            r.present.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> r.state() == LinkState.UP);
            r.send(RadioModeId.T2, new byte[] {1, 0x44});
            assertThat(r.deviceLog).contains("send T2 2");
            // unplugged: DOWN, back: UP again, counted
            r.session.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.counters().reconnects() == 1);
            assertThat(r.state()).isEqualTo(LinkState.UP);
        } finally {
            r.stop();
        }
    }
}
