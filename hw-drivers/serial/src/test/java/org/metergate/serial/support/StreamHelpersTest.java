package org.metergate.serial.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamHelpersTest {

    @Test
    void byteQueueGrowsAndDropsFromTheFront() {
        ByteQueue q = new ByteQueue();
        byte[] chunk = new byte[300];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        q.append(chunk);
        q.append(chunk, 10, 5);
        assertThat(q.size()).isEqualTo(305);
        assertThat(q.get(0)).isZero();
        assertThat(q.get(255)).isEqualTo(255);
        assertThat(q.indexOf(0x0A, 1)).isEqualTo(10);
        q.drop(300);
        assertThat(q.copy(0, 5)).containsExactly(10, 11, 12, 13, 14);
        assertThat(q.indexOf(0xFF, 0)).isEqualTo(-1);
        assertThatThrownBy(() -> q.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void linesAreCutAtLfWithCrDroppedAndNoiseCountedOncePerLine() {
        LineAssembler a = new LineAssembler(16);
        List<String> lines = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        FaultSink sink = (k, d) -> faults.add(k + ": " + d);
        byte[] part1 = "TMODE\r\nbA".getBytes(StandardCharsets.US_ASCII);
        a.feed(part1, part1.length, lines::add, sink);
        byte[] part2 = {'B', '\n', '\r', '\n', 'x', (byte) 0x80, (byte) 0x81, 'y', '\n'};
        a.feed(part2, part2.length, lines::add, sink);
        byte[] longLine = "0123456789abcdefgh\nok\n".getBytes(StandardCharsets.US_ASCII);
        a.feed(longLine, longLine.length, lines::add, sink);
        assertThat(lines).containsExactly("TMODE", "bAB", "ok");
        assertThat(faults).containsExactly("FRAMING: byte 0x80 is not text (line dropped after 1 characters)",
                "FRAMING: line longer than 16 characters");
    }

    @Test
    void hexNamesTheBadCharacter() throws Exception {
        assertThat(Hex.decode("0aFf")).containsExactly(0x0A, 0xFF);
        assertThat(Hex.decode("xx1844yy", 2, 6)).containsExactly(0x18, 0x44);
        assertThat(Hex.encode(new byte[] {0x1e, (byte) 0xa5})).isEqualTo("1EA5");
        assertThatThrownBy(() -> Hex.decode("123")).isInstanceOf(FrameFormatException.class)
                .hasMessageContaining("odd number");
        assertThatThrownBy(() -> Hex.decode("12G4")).isInstanceOf(FrameFormatException.class)
                .hasMessageContaining("position 2: 'G'");
        assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).isInstanceOf(FrameFormatException.class);
    }

    @Test
    void responseQueueSkipsLateAnswersAndTimesOut() throws Exception {
        ResponseQueue<String> q = new ResponseQueue<>();
        q.offer("late PING_RSP");
        q.offer("SET_CONFIG_RSP");
        assertThat(q.await(s -> s.startsWith("SET"), Duration.ofMillis(100), "set config")).isEqualTo("SET_CONFIG_RSP");
        assertThatThrownBy(() -> q.await(s -> true, Duration.ofMillis(20), "ping"))
                .isInstanceOf(ResponseTimeoutException.class).hasMessage("ping: no answer within 20 ms");
    }

    @Test
    void countersSummariseByKind() {
        DriverCounters c = new DriverCounters("x");
        c.fault(FaultKind.CHECKSUM, "FCS");
        c.fault(FaultKind.FRAMING, "junk");
        c.fault(FaultKind.FRAMING, "junk");
        c.countDropped();
        c.reconnected();
        assertThat(c.faults()).isEqualTo(3);
        assertThat(c.faults(FaultKind.FRAMING)).isEqualTo(2);
        assertThat(c.summary()).isEqualTo("received 0; errors: checksum 1, framing 2, unknown message 0, coding 0, "
                + "rejected 0; dropped 1; filtered 0; reconnects 1");
        assertThat(c.lastFault()).isEqualTo("framing: junk");
    }

    @Test
    void cFieldTableKnowsTheEn13757FunctionCodes() {
        assertThat(WMBusCField.isValid(0x44)).isTrue();
        assertThat(WMBusCField.isValid(0x08)).isTrue();
        assertThat(WMBusCField.isValid(0xA5)).isFalse();
        assertThat(WMBusCField.isValid(0xFF)).isFalse();
    }
}
