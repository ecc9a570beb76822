package org.metergate.driver.im871a;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.metergate.serial.support.ByteQueue;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FaultSink;

/**
 * Encodes host requests and decodes the stick's byte stream into {@link HciFrame}s. The decoder resynchronises on the
 * start-of-frame byte after noise, checks the FCS when the control field says one is attached, drops a frame left
 * incomplete for longer than the stale time, and reports every problem to the fault sink with its kind. Not
 * thread-safe: one reader thread feeds it.
 */
final class HciCodec {

    static final int SOF = 0xA5;
    static final int CTRL_TIMESTAMP = 0x2;
    static final int CTRL_RSSI = 0x4;
    static final int CTRL_FCS = 0x8;
    private static final int CTRL_RESERVED = 0x1;
    private static final int MAX_BUFFERED = 4096;

    private final FaultSink faults;
    private final long staleMillis;
    private final ByteQueue queue = new ByteQueue();
    private long lastInput;

    HciCodec(FaultSink faults, long staleMillis) {
        this.faults = faults;
        this.staleMillis = staleMillis;
    }

    /** A request frame without attached fields (the host needs none). */
    static byte[] encode(HciMessageId message, byte[] payload) {
        if (payload.length > 255) {
            throw new IllegalArgumentException("HCI payload of " + payload.length + " bytes (at most 255)");
        }
        byte[] f = new byte[4 + payload.length];
        f[0] = (byte) SOF;
        f[1] = (byte) message.endpoint().id();
        f[2] = (byte) message.id();
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    /** Decodes what arrived at {@code nowMillis}; complete frames go to {@code out}. */
    void feed(byte[] data, int length, long nowMillis, Consumer<HciFrame> out) {
        if (!queue.isEmpty() && nowMillis - lastInput > staleMillis) {
            faults.fault(FaultKind.FRAMING, "incomplete frame of " + queue.size() + " bytes dropped after "
                    + (nowMillis - lastInput) + " ms of silence");
            queue.clear();
        }
        lastInput = nowMillis;
        queue.append(data, 0, length);
        decode(out);
        if (queue.size() > MAX_BUFFERED) {
            faults.fault(FaultKind.FRAMING, queue.size() + " bytes without a complete frame dropped");
            queue.clear();
        }
    }

    void reset() {
        queue.clear();
    }

    private void decode(Consumer<HciFrame> out) {
        while (!queue.isEmpty()) {
            if (queue.get(0) != SOF) {
                int next = queue.indexOf(SOF, 1);
                int skip = next < 0 ? queue.size() : next;
                faults.fault(FaultKind.FRAMING, skip + " bytes before a start of frame (0xA5) skipped");
                queue.drop(skip);
                continue;
            }
            if (queue.size() < 4) {
                return;
            }
            int control = queue.get(1) >> 4;
            int endpointId = queue.get(1) & 0x0F;
            if ((control & CTRL_RESERVED) != 0) {
                faults.fault(FaultKind.FRAMING, String.format("reserved control bit set (0x%02X): not a frame start",
                        queue.get(1)));
                queue.drop(1);
                continue;
            }
            HciEndpoint endpoint = HciEndpoint.of(endpointId);
            if (endpoint == null) {
                faults.fault(FaultKind.FRAMING, "endpoint " + endpointId + " does not exist: not a frame start");
                queue.drop(1);
                continue;
            }
            int payloadLength = queue.get(3);
            boolean hasTimestamp = (control & CTRL_TIMESTAMP) != 0;
            boolean hasRssi = (control & CTRL_RSSI) != 0;
            boolean hasFcs = (control & CTRL_FCS) != 0;
            int total = 4 + payloadLength + (hasTimestamp ? 4 : 0) + (hasRssi ? 1 : 0) + (hasFcs ? 2 : 0);
            if (queue.size() < total) {
                return;
            }
            byte[] frame = queue.copy(0, total);
            queue.drop(total);
            if (hasFcs) {
                int expected = HciCrc.of(frame, 1, total - 3);
                int got = (frame[total - 2] & 0xFF) | (frame[total - 1] & 0xFF) << 8;
                if (expected != got) {
                    faults.fault(FaultKind.CHECKSUM, String.format("FCS %04X, computed %04X, on %s message 0x%02X",
                            got, expected, endpoint, frame[2] & 0xFF));
                    continue;
                }
            }
            int msgId = frame[2] & 0xFF;
            HciMessageId message = HciMessageId.of(endpoint, msgId);
            if (message == null) {
                faults.fault(FaultKind.UNKNOWN_MESSAGE, String.format("%s message 0x%02X with %d payload bytes",
                        endpoint, msgId, payloadLength));
                continue;
            }
            byte[] payload = new byte[payloadLength];
            System.arraycopy(frame, 4, payload, 0, payloadLength);
            int at = 4 + payloadLength;
            OptionalLong timestamp = OptionalLong.empty();
            if (hasTimestamp) {
                timestamp = OptionalLong.of((frame[at] & 0xFFL) | (frame[at + 1] & 0xFFL) << 8
                        | (frame[at + 2] & 0xFFL) << 16 | (frame[at + 3] & 0xFFL) << 24);
                at += 4;
            }
            OptionalInt rssi = hasRssi ? OptionalInt.of(frame[at] & 0xFF) : OptionalInt.empty();
            out.accept(new HciFrame(message, payload, timestamp, rssi));
        }
    }
}
