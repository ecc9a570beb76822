package org.metergate.driver.im871a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
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

/**
 * The driver against a simulated iM871A through real jSerialComm I/O on a socat pseudo-terminal pair. Telegrams are
 * real ones from wmbusmeters' test data (see {@link Telegrams}).
 */
class Im871aTransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The SET_CONFIG request the driver sends: RAM only, device mode "other", the link mode, RSSI and time stamp on. */
    private static final String SET_CONFIG = "A5010307000300%02X300101";

    @TempDir
    Path dir;

    private Socat pair;
    private Im871aSimulator sim;
    private Im871aTransceiver radio;
    private final List<RawTelegram> got = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plugIn() throws Exception {
        Socat.assumeAvailable();
        pair = Socat.start(dir);
        sim = new Im871aSimulator(0x33, 0x15);
        sim.attach(pair.simulatorPath());
    }

    @AfterEach
    void unplug() throws Exception {
        if (radio != null) {
            radio.stop();
        }
        if (sim != null) {
            sim.detach();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private Im871aTransceiver start(Set<RadioModeId> modes) throws IOException {
        Im871aSettings s = new Im871aSettings("stick1", pair.devicePath().toString(), 57600, ImstModel.IM871A, modes,
                Duration.ofMillis(500), Backoff.ofMillis(50, 400), 500);
        radio = new Im871aTransceiver(s, new JSerialCommPorts(), Clock.systemUTC());
        radio.setListener(got::add);
        radio.start();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
        return radio;
    }

    @Test
    void pingsReadsTheDeviceAndSetsTheLinkModeWithRssiAndTimestamp() throws Exception {
        start(Set.of(RadioModeId.T1));
        assertThat(sim.requests()).containsExactly("A5010100", "A5010F00", String.format(SET_CONFIG, 0x03));
        assertThat(radio.deviceInfo()).hasToString("iM871A firmware 1.5 HCI 1.7 uid 01234567");
        assertThat(radio.status().state()).isEqualTo(LinkState.UP);
    }

    @Test
    void switchesLinkModeAndTheSimulatorSeesTheBytes() throws Exception {
        start(Set.of(RadioModeId.T1));
        radio.activate(Set.of(RadioModeId.C1));
        assertThat(sim.requests()).last().isEqualTo(String.format(SET_CONFIG, 0x06));
        assertThat(sim.linkMode()).isEqualTo(0x06);
        radio.activate(EnumSet.of(RadioModeId.C1, RadioModeId.T1));
        assertThat(sim.requests()).last().isEqualTo(String.format(SET_CONFIG, 0x0A));
        assertThat(radio.activeModes()).containsExactlyInAnyOrder(RadioModeId.C1, RadioModeId.T1);
        radio.activate(EnumSet.of(RadioModeId.S1, RadioModeId.S2));
        assertThat(sim.requests()).last().isEqualTo(String.format(SET_CONFIG, 0x00));
        assertThat(radio.activeModes()).containsExactly(RadioModeId.S1);
    }

    @Test
    void olderFirmwareListensToT1WhenAskedForC1AndT1() throws Exception {
        sim.detach();
        sim = new Im871aSimulator(0x33, 0x13);
        sim.attach(pair.simulatorPath());
        start(EnumSet.of(RadioModeId.C1, RadioModeId.T1));
        assertThat(sim.requests()).last().isEqualTo(String.format(SET_CONFIG, 0x03));
        assertThat(radio.activeModes()).containsExactly(RadioModeId.T1);
    }

    @Test
    void receivesRealTelegramsWithRssiInDbm() throws Exception {
        start(Set.of(RadioModeId.T1));
        sim.hear(Telegrams.IPERL_T1, 125);
        await().atMost(WAIT).until(() -> got.size() == 1);
        RawTelegram t = got.get(0);
        assertThat(t.hex()).isEqualTo(Telegrams.IPERL_T1);
        assertThat(t.format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(t.info().rssiDbm()).hasValue(-60);
        assertThat(t.info().radioMode()).isEqualTo("T1");
        assertThat(t.info().receiver()).isEqualTo("stick1");

        radio.activate(EnumSet.of(RadioModeId.C1, RadioModeId.T1));
        sim.hear(Telegrams.KAMWATER_C1, 45);
        sim.hear(Telegrams.ABB_B23, 205);
        await().atMost(WAIT).until(() -> got.size() == 3);
        assertThat(got.get(1).hex()).isEqualTo(Telegrams.KAMWATER_C1);
        assertThat(got.get(1).info().rssiDbm()).hasValue(-100);
        assertThat(got.get(1).info().radioMode()).as("C1+T1: the HCI does not say which").isEmpty();
        assertThat(got.get(2).hex()).isEqualTo(Telegrams.ABB_B23);
        assertThat(radio.counters().received()).isEqualTo(3);
        assertThat(radio.counters().faults()).isZero();
    }

    @Test
    void sendsInT2BySwitchingTheLinkModeAndBack() throws Exception {
        start(Set.of(RadioModeId.T1));
        // an SND_UD from the gateway to the iPERL meter: L, C=0x53, the meter's M and A, CI 0x51, one byte
        byte[] sndUd = HexFormat.of().parseHex("0C53AE4C445522336807510102");
        radio.send(RadioModeId.T2, sndUd);
        assertThat(sim.sent()).containsExactly("53AE4C445522336807510102");
        List<String> r = sim.requests();
        assertThat(r.subList(r.size() - 3, r.size())).containsExactly(String.format(SET_CONFIG, 0x04),
                "A502010C53AE4C445522336807510102", String.format(SET_CONFIG, 0x03));
    }

    @Test
    void noiseBadFcsAndUnknownMessagesAreCountedAndReadingGoesOn() throws Exception {
        start(Set.of(RadioModeId.T1));
        sim.emit(new byte[] {0x01, 0x02, 0x03, 0x04, 0x05});
        byte[] corrupted = Im871aSimulator.frame(0xE, 0x02, 0x03,
                HexFormat.of().parseHex(Telegrams.IPERL_T1.substring(2)), 1L, 100);
        corrupted[10] ^= 0x40;
        sim.emit(corrupted);
        sim.emit(Im871aSimulator.frame(0x8, 0x02, 0x09, new byte[] {1, 2}, null, null));
        sim.hear(Telegrams.HYDRODIGIT_T1, 100);
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.HYDRODIGIT_T1);
        assertThat(radio.counters().faults(FaultKind.FRAMING)).isGreaterThanOrEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.CHECKSUM)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.UNKNOWN_MESSAGE)).isEqualTo(1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
        assertThat(radio.status().errors()).isEqualTo(radio.counters().faults());
        assertThat(radio.status().detail()).contains("checksum 1", "unknown message 1");
    }

    @Test
    void goesDownWhenTheStickVanishesAndComesBackWithItsModes() throws Exception {
        start(Set.of(RadioModeId.C1));
        sim.hear(Telegrams.KAMWATER_C1, 100);
        await().atMost(WAIT).until(() -> got.size() == 1);

        long t0 = System.nanoTime();
        pair.kill();
        sim.detach();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.DOWN);
        long down = System.nanoTime();
        await().atMost(WAIT).until(() -> radio.status().detail().contains("cannot connect"));
        assertThat(radio.stateHistory()).anySatisfy(h -> assertThat(h).startsWith("DOWN").contains("disappeared"));

        int before = sim.requests().size();
        long t1 = System.nanoTime();
        pair.restart();
        sim.attach(pair.simulatorPath());
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
        long up = System.nanoTime();
        System.out.printf("[timing] im871a: DOWN %d ms after the pty vanished, UP %d ms after it came back%n",
                (down - t0) / 1_000_000, (up - t1) / 1_000_000);
        assertThat(radio.counters().reconnects()).isEqualTo(1);
        assertThat(sim.requests().subList(before, sim.requests().size())).containsExactly("A5010100", "A5010F00",
                String.format(SET_CONFIG, 0x06));

        sim.hear(Telegrams.KAMWATER_C1, 100);
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got.get(1).info().radioMode()).isEqualTo("C1");
    }
}
