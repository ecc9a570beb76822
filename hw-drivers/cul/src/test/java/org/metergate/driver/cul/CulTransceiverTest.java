package org.metergate.driver.cul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** The driver against a simulated culfw stick through real jSerialComm I/O on a socat pseudo-terminal pair. */
class CulTransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @TempDir
    Path dir;

    private Socat pair;
    private CulSimulator sim;
    private CulTransceiver radio;
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

    private CulTransceiver radio(Set<RadioModeId> modes) throws IOException {
        CulSettings s = new CulSettings("cul1", pair.devicePath().toString(), 38400, modes, Duration.ofMillis(500),
                Backoff.ofMillis(50, 400));
        radio = new CulTransceiver(s, new JSerialCommPorts(), Clock.systemUTC());
        radio.setListener(got::add);
        return radio;
    }

    private void start(boolean cMode, Set<RadioModeId> modes) throws Exception {
        sim = new CulSimulator(cMode);
        sim.attach(pair.simulatorPath());
        radio(modes).start();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
    }

    @Test
    void asksTheVersionSwitchesRssiReportingOnAndSetsTheMode() throws Exception {
        start(true, Set.of(RadioModeId.T1));
        assertThat(sim.commands()).containsExactly("V", "X21", "brt");
        radio.activate(Set.of(RadioModeId.C1));
        assertThat(sim.commands()).last().isEqualTo("brc");
        assertThat(sim.mode()).isEqualTo("CMODE");
        radio.activate(EnumSet.of(RadioModeId.S1, RadioModeId.S2));
        assertThat(sim.commands()).last().isEqualTo("brs");
        assertThat(radio.activeModes()).containsExactlyInAnyOrder(RadioModeId.S1, RadioModeId.S2);
    }

    @Test
    void anOldCulfwWithoutCModeRefusesItClearly() throws Exception {
        start(false, Set.of(RadioModeId.T1));
        assertThatThrownBy(() -> radio.activate(Set.of(RadioModeId.C1))).isInstanceOf(IOException.class)
                .hasMessageContaining("culfw answered '? (b is unknown)");
        assertThat(radio.activeModes()).containsExactly(RadioModeId.T1);
        assertThat(radio.counters().faults(FaultKind.REJECTED)).isEqualTo(1);
    }

    @Test
    void deliversFramesWithTheirCrcsInFormatAAndB() throws Exception {
        start(true, Set.of(RadioModeId.C1));
        sim.hear(Telegrams.KAMWATER_C1, false, 0x30, 0x9C);
        sim.hear(Telegrams.ABB_B23, true, 0x30, 0x20);
        await().atMost(WAIT).until(() -> got.size() == 2);
        RawTelegram a = got.get(0);
        assertThat(a.format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_A);
        assertThat(a.frame()).isEqualTo(CulSimulator.formatA(HEX.parseHex(Telegrams.KAMWATER_C1)));
        assertThat(a.info().rssiDbm()).hasValue(-124);
        assertThat(a.info().radioMode()).isEqualTo("C1");
        RawTelegram b = got.get(1);
        assertThat(b.format()).isEqualTo(TelegramFormat.WMBUS_FORMAT_B);
        assertThat(b.frame()).isEqualTo(CulSimulator.formatB(HEX.parseHex(Telegrams.ABB_B23)));
        assertThat(b.length()).isEqualTo(137);
        assertThat(b.info().rssiDbm()).hasValue(-58);
    }

    @Test
    void sendsInT2WithFormatACrcs() throws Exception {
        start(true, Set.of(RadioModeId.T1));
        byte[] sndUd = HEX.parseHex("0C53AE4C445522336807510102");
        radio.send(RadioModeId.T2, sndUd);
        await().atMost(WAIT).until(() -> sim.commands().size() == 4);
        assertThat(sim.commands()).last().isEqualTo("bst" + HEX.formatHex(CulSimulator.formatA(sndUd)));
        assertThatThrownBy(() -> radio.send(RadioModeId.C2, sndUd)).hasMessageContaining("culfw cannot send in C2");
    }

    @Test
    void crcErrorsBadHexNoiseAndUnknownLinesAreCountedByKind() throws Exception {
        start(true, Set.of(RadioModeId.T1));
        String good = "b" + HEX.formatHex(CulSimulator.formatA(HEX.parseHex(Telegrams.IPERL_T1))) + "3080";
        sim.println(good.substring(0, 20) + (good.charAt(20) == '0' ? '1' : '0') + good.substring(21));
        sim.println("b1844AE4C44552233XX");
        sim.println("LOVF");
        sim.emit(new byte[] {(byte) 0xC3, (byte) 0xA9, '\r', '\n'});
        sim.println(good);
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(got.get(0).frame()).isEqualTo(CulSimulator.formatA(HEX.parseHex(Telegrams.IPERL_T1)));
        assertThat(radio.counters().faults(FaultKind.CHECKSUM)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.FRAMING)).isEqualTo(2);
        assertThat(radio.counters().faults(FaultKind.UNKNOWN_MESSAGE)).isEqualTo(1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void aStickThatIsNotCulfwStaysDown() throws Exception {
        // nothing answers on the other end
        radio(Set.of(RadioModeId.T1)).start();
        await().atMost(WAIT).until(() -> radio.status().detail().contains("V (version): no answer"));
        assertThat(radio.state()).isEqualTo(LinkState.DOWN);
    }

    @Test
    void goesDownWhenTheStickVanishesAndComesBack() throws Exception {
        start(true, Set.of(RadioModeId.T1));
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
        System.out.printf("[timing] cul: DOWN %d ms after the pty vanished, UP %d ms after it came back%n",
                (down - t0) / 1_000_000, (up - t1) / 1_000_000);
        assertThat(radio.counters().reconnects()).isEqualTo(1);
        assertThat(sim.commands()).endsWith("V", "X21", "brt");
        sim.hear(Telegrams.HYDRODIGIT_T1, false, 0x30, 0x80);
        await().atMost(WAIT).until(() -> got.size() == 1);
    }
}
