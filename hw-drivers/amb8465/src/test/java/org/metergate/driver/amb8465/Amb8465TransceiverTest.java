package org.metergate.driver.amb8465;

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

/** The driver against a simulated AMB8465 through real jSerialComm I/O on a socat pseudo-terminal pair. */
class Amb8465TransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Socat pair;
    private AmberSimulator sim;
    private Amb8465Transceiver radio;
    private final List<RawTelegram> got = new CopyOnWriteArrayList<>();

    @BeforeEach
    void needsSocat() throws Exception {
        Socat.assumeAvailable();
        pair = Socat.start(dir);
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

    private void plug(AmberSimulator s) throws IOException {
        sim = s;
        sim.attach(pair.simulatorPath());
    }

    private void start(Set<RadioModeId> modes, boolean writeSettings) throws IOException {
        Amb8465Settings s = new Amb8465Settings("amber1", pair.devicePath().toString(), 9600, modes, writeSettings,
                Duration.ofMillis(50), Duration.ofMillis(500), Backoff.ofMillis(50, 400), 1000);
        radio = new Amb8465Transceiver(s, new JSerialCommPorts(), Clock.systemUTC());
        radio.setListener(got::add);
        radio.start();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
    }

    @Test
    void switchesCommandOutputAndRssiOnOnceThenSetsTheMode() throws Exception {
        plug(new AmberSimulator(false, false));
        start(Set.of(RadioModeId.T1), true);
        assertThat(sim.commands()).containsExactly(
                "FF0B00F4",         // CMD_SERIALNO_REQ
                "FF0A020501F3",     // CMD_GET_REQ UART_CMD_Out_Enable
                "FF0A024501B3",     // CMD_GET_REQ RSSI_Enable
                "FF0903050101F0",   // CMD_SET_REQ UART_CMD_Out_Enable = 1
                "FF0903450101B0",   // CMD_SET_REQ RSSI_Enable = 1
                "FF0500FA",         // CMD_RESET_REQ
                "FF0B00F4",         // back?
                "FF040108F2");      // CMD_SET_MODE_REQ T2-Other
        assertThat(sim.setting(0x05)).isEqualTo(1);
        assertThat(sim.setting(0x45)).isEqualTo(1);
        assertThat(sim.mode()).isEqualTo(0x08);
    }

    @Test
    void leavesTheFlashAloneWhenTheSettingsAreRightAndSwitchesModes() throws Exception {
        plug(new AmberSimulator(true, true));
        start(Set.of(RadioModeId.T1), true);
        assertThat(sim.commands()).containsExactly("FF0B00F4", "FF0A020501F3", "FF0A024501B3", "FF040108F2");
        radio.activate(EnumSet.of(RadioModeId.C1, RadioModeId.T1));
        assertThat(sim.commands()).last().isEqualTo("FF040109F3");
        radio.activate(Set.of(RadioModeId.C1));
        assertThat(sim.commands()).last().isEqualTo("FF04010EF4");
        radio.activate(EnumSet.of(RadioModeId.S1, RadioModeId.S1_M));
        assertThat(sim.commands()).last().isEqualTo("FF040103F9");
        assertThat(sim.mode()).isEqualTo(0x03);
        assertThat(radio.activeModes()).containsExactlyInAnyOrder(RadioModeId.S1, RadioModeId.S1_M);
    }

    @Test
    void receivesDataIndicationsWithRssi() throws Exception {
        plug(new AmberSimulator(true, true));
        start(Set.of(RadioModeId.C1), true);
        sim.hear(Telegrams.KAMWATER_C1, 0x40);
        sim.hear(Telegrams.ABB_B23, 0xC0);
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.KAMWATER_C1);
        assertThat(got.get(0).format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(got.get(0).info().rssiDbm()).hasValue(-42);
        assertThat(got.get(0).info().radioMode()).isEqualTo("C1");
        assertThat(got.get(1).hex()).isEqualTo(Telegrams.ABB_B23);
        assertThat(got.get(1).info().rssiDbm()).hasValue(-106);
    }

    @Test
    void readsTransparentOutputWhenNotAllowedToWriteTheFlash() throws Exception {
        plug(new AmberSimulator(false, true));
        start(Set.of(RadioModeId.T1), false);
        assertThat(sim.commands()).containsExactly("FF0B00F4", "FF0A020501F3", "FF0A024501B3", "FF040108F2");
        sim.hear(Telegrams.IPERL_T1, 0x20);
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.IPERL_T1);
        assertThat(got.get(0).info().rssiDbm()).hasValue(-58);
    }

    @Test
    void sendsInC2BySwitchingToC2OtherAndBack() throws Exception {
        plug(new AmberSimulator(true, true));
        start(Set.of(RadioModeId.T1), true);
        byte[] sndUd = HexFormat.of().parseHex("0C532D2C998734761B16510102");
        radio.send(RadioModeId.C2, sndUd);
        assertThat(sim.sent()).containsExactly("532D2C998734761B16510102");
        List<String> c = sim.commands();
        assertThat(c.subList(c.size() - 3, c.size())).containsExactly("FF04010EF4",
                "FF000C532D2C998734761B16510102" + String.format("%02X", checksum("FF000C532D2C998734761B16510102")),
                "FF040108F2");
    }

    private static int checksum(String hex) {
        int x = 0;
        for (byte b : HexFormat.of().parseHex(hex)) {
            x ^= b & 0xFF;
        }
        return x;
    }

    @Test
    void badChecksumsNoiseAndUnknownCommandsAreCountedAndReadingGoesOn() throws Exception {
        plug(new AmberSimulator(true, true));
        start(Set.of(RadioModeId.T1), true);
        byte[] bad = AmberSimulator.frame(0x03, HexFormat.of().parseHex(Telegrams.IPERL_T1.substring(2) + "40"));
        bad[bad.length - 1] ^= 0x01;
        sim.emit(bad);
        sim.emit(AmberSimulator.frame(0x61, new byte[] {0x01}));
        sim.emit(new byte[] {0x01, 0x02, 0x03});
        sim.hear(Telegrams.HYDRODIGIT_T1, 0x40);
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.HYDRODIGIT_T1);
        assertThat(radio.counters().faults(FaultKind.CHECKSUM)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.UNKNOWN_MESSAGE)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.FRAMING)).isGreaterThanOrEqualTo(1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void goesDownWhenTheStickVanishesAndComesBack() throws Exception {
        plug(new AmberSimulator(true, true));
        start(EnumSet.of(RadioModeId.T1, RadioModeId.C1), true);
        long t0 = System.nanoTime();
        pair.kill();
        sim.detach();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.DOWN);
        long down = System.nanoTime();
        await().atMost(WAIT).until(() -> radio.status().detail().contains("cannot connect"));
        assertThat(radio.stateHistory()).anySatisfy(h -> assertThat(h).startsWith("DOWN").contains("disappeared"));
        int before = sim.commands().size();
        long t1 = System.nanoTime();
        pair.restart();
        sim.attach(pair.simulatorPath());
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
        long up = System.nanoTime();
        System.out.printf("[timing] amb8465: DOWN %d ms after the pty vanished, UP %d ms after it came back%n",
                (down - t0) / 1_000_000, (up - t1) / 1_000_000);
        assertThat(radio.counters().reconnects()).isEqualTo(1);
        assertThat(sim.commands().subList(before, sim.commands().size())).endsWith("FF040109F3");
        sim.hear(Telegrams.IPERL_T1, 0x40);
        await().atMost(WAIT).until(() -> got.size() == 1);
    }
}
