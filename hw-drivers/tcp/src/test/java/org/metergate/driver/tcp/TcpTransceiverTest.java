package org.metergate.driver.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/** Real TCP connections on the loopback interface. */
class TcpTransceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<RadioModeId> MODES = Set.of(RadioModeId.T1, RadioModeId.C1);

    private TcpTransceiver radio;
    private final List<RawTelegram> got = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (radio != null) {
            radio.stop();
        }
    }

    private TcpTransceiver start(boolean server, int port) throws IOException {
        TcpSettings s = new TcpSettings("net1", server, "127.0.0.1", port, MODES, TelegramFormat.WMBUS_NO_CRC,
                Duration.ZERO, 4, Backoff.ofMillis(50, 200));
        radio = new TcpTransceiver(s, Clock.systemUTC());
        radio.setListener(got::add);
        radio.start();
        return radio;
    }

    private static void send(Socket s, String lines) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(lines.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static ServerSocket receiverOn(int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress("127.0.0.1", port));
        return ss;
    }

    @Test
    void asAClientItReadsLinesAndReconnectsWhenTheReceiverComesBack() throws Exception {
        int port;
        try (ServerSocket receiver = receiverOn(0)) {
            port = receiver.getLocalPort();
            start(false, port);
            try (Socket c = receiver.accept()) {
                await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
                send(c, "# network receiver\r\nT1;-71;" + Telegrams.IPERL_T1 + "\r\n\r\nC1;-80;" + Telegrams.KAMWATER_C1
                        + "\n" + Telegrams.HYDRODIGIT_T1 + "\n");
                await().atMost(WAIT).until(() -> got.size() == 3);
            }
        }
        assertThat(got.get(0).hex()).isEqualTo(Telegrams.IPERL_T1);
        assertThat(got.get(0).info().radioMode()).isEqualTo("T1");
        assertThat(got.get(0).info().rssiDbm()).hasValue(-71);
        assertThat(got.get(0).format()).isEqualTo(TelegramFormat.WMBUS_NO_CRC);
        assertThat(got.get(2).info().radioMode()).isEmpty();
        await().atMost(WAIT).until(() -> radio.state() == LinkState.DOWN);
        assertThat(radio.stateHistory()).anySatisfy(h -> assertThat(h).contains("closed the connection"));
        await().atMost(WAIT).until(() -> radio.status().detail().contains("cannot connect to 127.0.0.1:" + port));

        long t0 = System.nanoTime();
        try (ServerSocket receiver = receiverOn(port); Socket c = receiver.accept()) {
            await().atMost(WAIT).until(() -> radio.state() == LinkState.UP);
            System.out.printf("[timing] tcp client: UP %d ms after the receiver came back%n",
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(radio.counters().reconnects()).isEqualTo(1);
            send(c, "T1;-60;" + Telegrams.IPERL_T1 + "\n");
            await().atMost(WAIT).until(() -> got.size() == 4);
        }
    }

    @Test
    void asAServerItTakesSeveralReceiversAndCountsBadLines() throws Exception {
        start(true, 0);
        await().atMost(WAIT).until(() -> radio.state() == LinkState.UP && radio.localPort() > 0);
        int port = radio.localPort();
        try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
            await().atMost(WAIT).until(() -> radio.status().detail().contains("2 receiver(s) connected"));
            send(a, "T1;-71;" + Telegrams.IPERL_T1 + "\n" + "T1;-71;zz\n" + "S1;-50;" + Telegrams.IPERL_T1 + "\n");
            send(b, "C1;-80;B;" + Telegrams.KAMWATER_C1 + "\n" + "nonsense;line\n");
            b.close();
            await().atMost(WAIT).until(() -> got.size() == 2 && radio.counters().faults(FaultKind.FRAMING) == 2);
            assertThat(got).extracting(RawTelegram::format).containsExactlyInAnyOrder(TelegramFormat.WMBUS_NO_CRC,
                    TelegramFormat.WMBUS_FORMAT_B);
            assertThat(radio.counters().filtered()).as("S1 is not switched on").isEqualTo(1);
            await().atMost(WAIT).until(() -> radio.status().detail().contains("1 receiver(s) connected"));
            assertThat(radio.state()).isEqualTo(LinkState.UP);
        }
    }
}
