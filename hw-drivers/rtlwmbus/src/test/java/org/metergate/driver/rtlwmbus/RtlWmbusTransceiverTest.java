package org.metergate.driver.rtlwmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.metergate.api.link.LinkState;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.driver.simulators.Telegrams;
import org.metergate.serial.support.Backoff;
import org.metergate.serial.support.FaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rtl_wmbus lines from a real child process, a real FIFO and a growing file. */
class RtlWmbusTransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private RtlWmbusTransceiver radio;
    private final List<RawTelegram> got = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (radio != null) {
            radio.stop();
        }
    }

    private static String line(String mode, int crc, int coding, String telegram) {
        return mode + ";" + crc + ";" + coding + ";2019-03-25 10:26:02.000;97;148;12345678;0x" + telegram + "\n";
    }

    private RtlWmbusTransceiver start(String command, String path, Set<RadioModeId> modes, OptionalDouble offset,
                                      boolean lineTime) throws IOException {
        RtlWmbusSettings s = new RtlWmbusSettings("sdr1", command, path, modes, offset, lineTime,
                Backoff.ofMillis(50, 200), Duration.ofMillis(20));
        radio = new RtlWmbusTransceiver(s, Clock.systemUTC());
        radio.setListener(got::add);
        radio.start();
        return radio;
    }

    @Test
    void runsTheCommandReadsItsLinesAndRestartsItWhenItEnds() throws Exception {
        Path lines = dir.resolve("out.txt");
        Files.writeString(lines, line("T1", 1, 1, Telegrams.IPERL_T1) + line("C1", 1, 1, Telegrams.KAMWATER_C1));
        start("cat '" + lines + "'; echo 'rtl_sdr: device lost' >&2; exit 3", "",
                Set.of(RadioModeId.T1, RadioModeId.C1), OptionalDouble.of(-150), false);
        await().atMost(WAIT).until(() -> got.size() >= 4 && radio.counters().reconnects() >= 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.IPERL_T1);
        assertThat(got.get(0).format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(got.get(0).info().radioMode()).isEqualTo("T1");
        assertThat(got.get(0).info().rssiDbm()).hasValue(-53);
        assertThat(got.get(1).hex()).isEqualTo(Telegrams.KAMWATER_C1);
        assertThat(got.get(1).info().radioMode()).isEqualTo("C1");
        assertThat(radio.stateHistory()).contains("DOWN the command exited with code 3: rtl_sdr: device lost");
        assertThat(radio.paced()).isFalse();
    }

    @Test
    void badLinesAreCountedByKindAndModesNotSwitchedOnAreFiltered() throws Exception {
        Path lines = dir.resolve("out.txt");
        Files.writeString(lines, "Found 1 device(s):\n" + line("T1", 0, 1, Telegrams.IPERL_T1)
                + line("T1", 0, 0, Telegrams.IPERL_T1) + "T1;1;1;garbage\n" + line("S1", 1, 1, Telegrams.IPERL_T1)
                + line("T1", 1, 1, Telegrams.HYDRODIGIT_T1));
        start("cat '" + lines + "'; sleep 30", "", Set.of(RadioModeId.T1), OptionalDouble.empty(), false);
        await().atMost(WAIT).until(() -> got.size() == 1 && radio.counters().filtered() == 1);
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.HYDRODIGIT_T1);
        assertThat(got.get(0).info().rssiDbm()).isEmpty();
        assertThat(radio.counters().faults(FaultKind.UNKNOWN_MESSAGE)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.CHECKSUM)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.CODING)).isEqualTo(1);
        assertThat(radio.counters().faults(FaultKind.FRAMING)).isEqualTo(1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void aFifoOutlivesItsWriters() throws Exception {
        Path fifo = dir.resolve("rtl.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is needed for this test");
        start("", fifo.toString(), Set.of(RadioModeId.T1), OptionalDouble.empty(), false);
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
        for (String t : List.of(Telegrams.IPERL_T1, Telegrams.HYDRODIGIT_T1)) {
            try (OutputStream out = new FileOutputStream(fifo.toFile())) { // a writer comes and goes
                out.write(line("T1", 1, 1, t).getBytes(StandardCharsets.US_ASCII));
            }
        }
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(radio.counters().reconnects()).isZero();
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void aFileIsFollowedAsItGrowsWithTheLinesOwnTimestamps() throws Exception {
        Path file = dir.resolve("rtl.log");
        Files.writeString(file, line("T1", 1, 1, Telegrams.IPERL_T1));
        start("", file.toString(), Set.of(RadioModeId.T1), OptionalDouble.empty(), true);
        await().atMost(WAIT).until(() -> got.size() == 1);
        Files.writeString(file, line("T1", 1, 1, Telegrams.HYDRODIGIT_T1), StandardOpenOption.APPEND);
        await().atMost(WAIT).until(() -> got.size() == 2);
        assertThat(got.get(1).hex()).isEqualTo(Telegrams.HYDRODIGIT_T1);
        Instant expected = java.time.LocalDateTime.of(2019, 3, 25, 10, 26, 2).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(got.get(1).info().time()).isEqualTo(expected);
        assertThat(radio.paced()).as("a recording can wait for the pipeline").isTrue();
    }

    @Test
    void aMissingPathIsDownWithTheReasonUntilItAppears() throws Exception {
        Path file = dir.resolve("later.log");
        start("", file.toString(), Set.of(RadioModeId.T1), OptionalDouble.empty(), false);
        await().atMost(WAIT).until(() -> radio.status().detail().contains("no file or FIFO at"));
        Files.writeString(file, line("T1", 1, 1, Telegrams.IPERL_T1));
        await().atMost(WAIT).until(() -> got.size() == 1);
        assertThat(radio.state()).isEqualTo(LinkState.UP);
    }
}
