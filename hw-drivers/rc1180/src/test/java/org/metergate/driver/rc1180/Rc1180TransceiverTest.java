package org.metergate.driver.rc1180;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.metergate.api.link.LinkState;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.driver.simulators.Socat;
import org.metergate.driver.simulators.Telegrams;
import org.metergate.serial.jsc.JSerialCommPorts;
import org.metergate.serial.support.Backoff;
import org.metergate.serial.support.FaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a simulated RC1180-MBUS through real jSerialComm I/O on a socat pseudo-terminal pair. */
class Rc1180TransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Configuration mode, 'M', MBUS_MODE, RSSI_MODE = 1, DATA_INTERFACE = 0, end, 'X'. */
    private static final String CONFIGURE = "004D03%02X05013600FF58";

    @TempDir
    Path dir;

    private Socat pair;
    private final Rc1180Simulator sim = new Rc1180Simulator();
    private Rc1180Transceiver radio;
    private final List<RawTelegram> got = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plugIn() throws Exception {
        Socat.assumeAvailable();
        pair = Socat.start(dir);
        sim.attach(pair.simulatorPath());
    }

    @AfterEach
    void unplug() throws Exception {
        if (radio != null) {
            radio.stop();
        }
        sim.detach();
        if (pair != null) {
            pair.close();
        }
    }

    private void start(Set<RadioModeId> modes) throws IOException {
        Rc1180Settings s = new Rc1180Settings("rc1", pair.devicePath().toString(), 19200, modes,
                Duration.ofMillis(500), Duration.ofMillis(500), Backoff.ofMillis(50, 400), 1000);
        radio = new Rc1180Transceiver(s, new JSerialCommPorts(), Clock.systemUTC());
        radio.setListener(got::add);
        radio.start();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
    }

    @Test
    void setsTheModeThroughConfigurationModeAndLeavesIt() throws Exception {
        start(Set.of(RadioModeId.C1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.received()).isEqualTo(String.format(CONFIGURE, 0x09)));
        assertThat(sim.memory(0x03)).isEqualTo(0x09);
        assertThat(sim.memory(0x05)).isEqualTo(1);
        await().atMost(WAIT).until(sim::idle);
        radio.activate(EnumSet.of(RadioModeId.T1, RadioModeId.C1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.received())
                .isEqualTo(String.format(CONFIGURE, 0x09) + String.format(CONFIGURE, 0x0A)));
        assertThat(radio.activeModes()).containsExactlyInAnyOrder(RadioModeId.T1, RadioModeId.C1);
    }

    @Test
    void receivesPacketsWithTheRssiAppended() throws Exception {
        start(Set.of(RadioModeId.T1));
        await().atMost(WAIT).until(sim::idle);
        sim.hear(Telegrams.HYDRODIGIT_T1, 161);
        sim.hear(Telegrams.ABB_B23, 40);
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.HYDRODIGIT_T1);
        assertThat(got.get(0).format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(got.get(0).info().rssiDbm()).hasValue(-80);
        assertThat(got.get(0).info().radioMode()).isEqualTo("T1");
        assertThat(got.get(1).hex()).isEqualTo(Telegrams.ABB_B23);
        assertThat(got.get(1).info().rssiDbm()).hasValue(-20);
    }

    @Test
    void isReceiveOnly() throws Exception {
        start(Set.of(RadioModeId.T1));
        assertThatThrownBy(() -> radio.send(RadioModeId.T2, new byte[] {1, 0x44})).isInstanceOf(IOException.class)
                .hasMessageContaining("receive-only");
    }

    @Test
    void garbageIsCountedAndReadingGoesOn() throws Exception {
        start(Set.of(RadioModeId.T1));
        await().atMost(WAIT).until(sim::idle);
        sim.emit(new byte[] {0x01, 0x02, 0x03, 0x04});
        sim.hear(Telegrams.IPERL_T1, 100);
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.IPERL_T1);
        assertThat(radio.counters().faults(FaultKind.FRAMING)).isGreaterThanOrEqualTo(1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void aModuleThatDoesNotPromptIsNotUp() throws Exception {
        sim.silent(true);
        Rc1180Settings s = new Rc1180Settings("rc1", pair.devicePath().toString(), 19200, Set.of(RadioModeId.T1),
                Duration.ofMillis(200), Duration.ofMillis(200), Backoff.ofMillis(50, 100), 1000);
        radio = new Rc1180Transceiver(s, new JSerialCommPorts(), Clock.systemUTC());
        radio.start();
        await().atMost(WAIT).until(() -> radio.status().detail().contains("entering configuration mode: no answer"));
        assertThat(radio.state()).isEqualTo(LinkState.DOWN);
        sim.silent(false);
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
    }

    @Test
    void goesDownWhenTheModuleVanishesAndComesBack() throws Exception {
        start(Set.of(RadioModeId.C1));
        long t0 = System.nanoTime();
        pair.kill();
        sim.detach();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.DOWN);
        long down = System.nanoTime();
        await().atMost(WAIT).until(() -> radio.status().detail().contains("cannot connect"));
        assertThat(radio.stateHistory()).anySatisfy(h -> assertThat(h).startsWith("DOWN").contains("disappeared"));
        long t1 = System.nanoTime();
        pair.restart();
        sim.attach(pair.simulatorPath());
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
        long up = System.nanoTime();
        System.out.printf("[timing] rc1180: DOWN %d ms after the pty vanished, UP %d ms after it came back%n",
                (down - t0) / 1_000_000, (up - t1) / 1_000_000);
        assertThat(radio.counters().reconnects()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.received()).endsWith(String.format(CONFIGURE, 0x09)));
        await().atMost(WAIT).until(sim::idle);
        sim.hear(Telegrams.KAMWATER_C1, 100);
        await().atMost(WAIT).until(() -> got.size() == 1);
    }
}
