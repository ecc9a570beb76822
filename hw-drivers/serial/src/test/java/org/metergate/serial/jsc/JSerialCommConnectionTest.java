package org.metergate.serial.jsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.metergate.driver.simulators.SimulatorPort;
import org.metergate.driver.simulators.Socat;
import org.metergate.serial.ByteListener;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPortGoneException;
import org.metergate.serial.SerialPortUnavailableException;
import org.metergate.serial.SerialSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real serial I/O through jSerialComm on a socat pseudo-terminal pair. */
class JSerialCommConnectionTest {

    @TempDir
    Path dir;

    private final JSerialCommPorts ports = new JSerialCommPorts();

    @BeforeEach
    void needsSocat() {
        Socat.assumeAvailable();
    }

    @Test
    void opensTheSocatLinkByPathAndTalksBothWays() throws Exception {
        try (Socat pair = Socat.start(dir);
             SerialConnection c = ports.open(pair.devicePath().toString(), SerialSettings.of(57600));
             SimulatorPort sim = SimulatorPort.open(pair.simulatorPath(), 57600, "echo",
                     (port, bytes) -> port.write(bytes))) {
            c.write("ping".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[16];
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (got.size() < 4 && System.nanoTime() < deadline) {
                int n = c.read(buf);
                got.write(buf, 0, n);
            }
            assertThat(got.toString(StandardCharsets.US_ASCII)).isEqualTo("ping");
            assertThat(sim.receivedBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ping");
            assertThat(c.read(buf)).as("nothing more: the read times out").isZero();
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aVanishingDeviceIsReportedToTheListenerOnceAndReadsFailTyped() throws Exception {
        Socat pair = Socat.start(dir);
        SerialConnection c = ports.open(pair.devicePath().toString(), SerialSettings.of(9600));
        AtomicReference<IOException> gone = new AtomicReference<>();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        c.listen(new ByteListener() {
            @Override
            public void received(byte[] data, int length) {
                synchronized (got) {
                    got.write(data, 0, length);
                }
            }

            @Override
            public void disconnected(IOException cause) {
                gone.compareAndSet(null, cause);
            }
        }, "test-reader");
        try (SimulatorPort sim = SimulatorPort.open(pair.simulatorPath(), 9600, "sender", (p, b) -> { })) {
            sim.write(new byte[] {1, 2, 3});
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                synchronized (got) {
                    return got.size() == 3;
                }
            });
        }
        pair.kill();
        await().atMost(Duration.ofSeconds(5)).until(() -> gone.get() != null);
        assertThat(gone.get()).isInstanceOf(SerialPortGoneException.class).hasMessageContaining("disappeared");
        assertThatThrownBy(() -> c.write(new byte[] {1})).isInstanceOf(IOException.class);
        c.close();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void aMissingDeviceCannotBeOpened() {
        assertThatThrownBy(() -> ports.open(dir.resolve("nothing").toString(), SerialSettings.of(9600)))
                .isInstanceOf(SerialPortUnavailableException.class).hasMessageContaining("no serial device at");
    }

    @Test
    void settingsReadLikeAModemString() {
        assertThat(SerialSettings.of(57600)).hasToString("57600 8N1");
        assertThatThrownBy(() -> new SerialSettings(9600, 9, org.metergate.serial.Parity.NONE,
                org.metergate.serial.StopBits.ONE, org.metergate.serial.FlowControl.NONE, Duration.ofMillis(10)))
                .hasMessageContaining("data bits");
    }
}
