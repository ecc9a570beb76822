package org.metergate.driver.rc1180;

import java.util.OptionalInt;
import java.util.function.Consumer;
import org.metergate.serial.support.ByteQueue;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FaultSink;
import org.metergate.serial.support.WMBusCField;

/**
 * Decodes the packets the module outputs in normal operation: a length byte (counting the RSSI byte when appended),
 * C-field, manufacturer, address, CI and data, then the RSSI. The output has no checksum (the module only passes
 * packets whose CRCs were right), so a packet start is recognised by a plausible length and an EN 13757-4 C-field;
 * other bytes are skipped and counted once per run. Not thread-safe.
 */
final class Rc1180Codec {

    /** A received telegram from its L-field on, without CRCs, and the raw RSSI when appended. */
    record Packet(byte[] frame, OptionalInt rssi) {
        Packet {
            frame = frame.clone();
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }
    }

    private static final int MIN_TELEGRAM = 10;

    private final FaultSink faults;
    private final long staleMillis;
    private final ByteQueue queue = new ByteQueue();
    private volatile boolean rssiAppended;
    private long lastInput;
    private int skipped;

    Rc1180Codec(FaultSink faults, long staleMillis, boolean rssiAppended) {
        this.faults = faults;
        this.staleMillis = staleMillis;
        this.rssiAppended = rssiAppended;
    }

    void feed(byte[] data, int length, long nowMillis, Consumer<Packet> out) {
        if (!queue.isEmpty() && nowMillis - lastInput > staleMillis) {
            faults.fault(FaultKind.FRAMING, "incomplete packet of " + queue.size() + " bytes dropped after "
                    + (nowMillis - lastInput) + " ms of silence");
            queue.clear();
        }
        lastInput = nowMillis;
        queue.append(data, 0, length);
        int extra = rssiAppended ? 1 : 0;
        while (!queue.isEmpty()) {
            int len = queue.get(0);
            if (len < MIN_TELEGRAM + extra) {
                skip();
                continue;
            }
            if (queue.size() < 2) {
                break;
            }
            if (!WMBusCField.isValid(queue.get(1))) {
                skip();
                continue;
            }
            if (queue.size() < len + 1) {
                break;
            }
            flush();
            byte[] p = queue.copy(0, len + 1);
            queue.drop(len + 1);
            int body = len - extra;
            byte[] frame = new byte[body + 1];
            frame[0] = (byte) body;
            System.arraycopy(p, 1, frame, 1, body);
            out.accept(new Packet(frame, extra == 1 ? OptionalInt.of(p[len] & 0xFF) : OptionalInt.empty()));
        }
        flush();
    }

    void reset() {
        queue.clear();
        skipped = 0;
    }

    private void skip() {
        queue.drop(1);
        skipped++;
    }

    private void flush() {
        if (skipped > 0) {
            faults.fault(FaultKind.FRAMING, skipped + " bytes that start no packet skipped");
            skipped = 0;
        }
    }

    /** Input power in dBm from the RSSI byte: P = -RSSI / 2 (data sheet, "RSSI Reading"). */
    static int rssiDbm(int raw) {
        if (raw < 0 || raw > 255) {
            throw new IllegalArgumentException("raw RSSI is one byte: " + raw);
        }
        return (int) Math.round(-raw / 2.0);
    }
}
