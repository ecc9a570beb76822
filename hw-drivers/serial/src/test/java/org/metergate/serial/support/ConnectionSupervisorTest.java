package org.metergate.serial.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.metergate.api.link.LinkState;
import org.junit.jupiter.api.Test;

class ConnectionSupervisorTest {

    /** A session that runs until told the device is gone. */
    static final class FakeSession implements DeviceSession {
        final CountDownLatch gone = new CountDownLatch(1);
        volatile String why;
        volatile boolean closed;

        @Override
        public void run() throws IOException, InterruptedException {
            gone.await();
            if (why != null) {
                throw new IOException(why);
            }
        }

        void vanish(String reason) {
            why = reason;
            gone.countDown();
        }

        @Override
        public void close() {
            closed = true;
            gone.countDown();
        }
    }

    @Test
    void backsOffWhileTheDeviceIsAbsentAndCountsAReconnectWhenItReturns() throws Exception {
        Deque<Object> script = new ArrayDeque<>();
        script.add(new IOException("no serial device at /dev/x"));
        script.add(new IOException("no serial device at /dev/x"));
        FakeSession first = new FakeSession();
        script.add(first);
        script.add(new IOException("no serial device at /dev/x"));
        FakeSession second = new FakeSession();
        script.add(second);
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        List<String> states = new CopyOnWriteArrayList<>();
        DriverCounters counters = new DriverCounters("t");
        ConnectionSupervisor<FakeSession> sup = new ConnectionSupervisor<>("t", () -> {
            Object next;
            synchronized (script) {
                next = script.isEmpty() ? new IOException("script empty") : script.poll();
            }
            if (next instanceof IOException e) {
                throw e;
            }
            return (FakeSession) next;
        }, Backoff.ofMillis(100, 300), counters, d -> sleeps.add(d), (s, d) -> states.add(s + " " + d));
        sup.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sup.current() == first);
        assertThat(sup.state()).isEqualTo(LinkState.UP);
        assertThat(counters.reconnects()).isZero();

        first.vanish("/dev/x disappeared");
        await().atMost(Duration.ofSeconds(5)).until(() -> sup.current() == second);
        assertThat(first.closed).isTrue();
        assertThat(counters.reconnects()).isEqualTo(1);
        // two failed opens (100, 200), then after the loss 100 and, after one more failed open, 200
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(200));
        assertThat(states).containsExactly(
                "DOWN cannot connect: no serial device at /dev/x",
                "UP connected",
                "DOWN /dev/x disappeared",
                "DOWN cannot connect: no serial device at /dev/x",
                "UP connected");

        sup.stop(Duration.ofSeconds(2));
        assertThat(second.closed).isTrue();
        assertThat(sup.state()).isEqualTo(LinkState.STOPPED);
    }

    @Test
    void aFailingDriverIsReportedAndRetriedNotFatal() {
        int[] calls = {0};
        FakeSession ok = new FakeSession();
        ConnectionSupervisor<FakeSession> sup = new ConnectionSupervisor<>("t", () -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("bug");
            }
            return ok;
        }, Backoff.ofMillis(1, 1), new DriverCounters("t"), d -> { }, (s, d) -> { });
        sup.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sup.current() == ok);
        sup.stop(Duration.ofSeconds(2));
    }

    @Test
    void stopInterruptsTheBackOff() throws Exception {
        ConnectionSupervisor<FakeSession> sup = new ConnectionSupervisor<>("t", () -> {
            throw new IOException("absent");
        }, Backoff.ofMillis(60_000, 60_000), new DriverCounters("t"), Sleeper.SYSTEM, (s, d) -> { });
        sup.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sup.state() == LinkState.DOWN);
        long t0 = System.nanoTime();
        sup.stop(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(sup.state()).isEqualTo(LinkState.STOPPED);
    }
}
