package org.metergate.driver.amb8465;

import java.util.OptionalInt;
import java.util.function.Consumer;
import org.metergate.serial.support.ByteQueue;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FaultSink;
import org.metergate.serial.support.WMBusCField;

/**
 * Encodes commands and decodes the module's stream, which mixes command frames (0xFF first, XOR checksum) and, when
 * UART_CMD_Out_Enable is off, transparent telegrams (a length byte first, never 0xFF, no checksum). Without a
 * checksum a transparent telegram is recognised by a plausible length and a C-field EN 13757-4 defines; bytes that
 * start neither are skipped and counted once per run. Not thread-safe.
 */
final class AmberCodec {

    static final int START = 0xFF;
    /** C, M (2), A (6), CI: the shortest telegram body after the L-field. */
    private static final int MIN_TELEGRAM = 10;
    private static final int MAX_BUFFERED = 4096;

    private final FaultSink faults;
    private final long staleMillis;
    private final ByteQueue queue = new ByteQueue();
    private volatile boolean rssiAppended;
    private long lastInput;
    private int skipped;

    AmberCodec(FaultSink faults, long staleMillis, boolean rssiAppended) {
        this.faults = faults;
        this.staleMillis = staleMillis;
        this.rssiAppended = rssiAppended;
    }

    /** Whether the module appends the RSSI byte (user setting RSSI_Enable). */
    void rssiAppended(boolean on) {
        rssiAppended = on;
    }

    static byte[] encode(AmberCommand command, byte... payload) {
        if (payload.length > 255) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes (at most 255)");
        }
        byte[] f = new byte[payload.length + 4];
        f[0] = (byte) START;
        f[1] = (byte) command.code();
        f[2] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 3, payload.length);
        f[f.length - 1] = (byte) xor(f, f.length - 1);
        return f;
    }

    static int xor(byte[] b, int length) {
        int x = 0;
        for (int i = 0; i < length; i++) {
            x ^= b[i] & 0xFF;
        }
        return x;
    }

    void feed(byte[] data, int length, long nowMillis, Consumer<AmberMessage> out) {
        if (!queue.isEmpty() && nowMillis - lastInput > staleMillis) {
            faults.fault(FaultKind.FRAMING, "incomplete frame of " + queue.size() + " bytes dropped after "
                    + (nowMillis - lastInput) + " ms of silence");
            queue.clear();
        }
        lastInput = nowMillis;
        queue.append(data, 0, length);
        decode(out);
        flushSkipped();
        if (queue.size() > MAX_BUFFERED) {
            faults.fault(FaultKind.FRAMING, queue.size() + " bytes without a complete frame dropped");
            queue.clear();
        }
    }

    void reset() {
        queue.clear();
        skipped = 0;
    }

    private void decode(Consumer<AmberMessage> out) {
        while (!queue.isEmpty()) {
            int first = queue.get(0);
            if (first == START) {
                if (queue.size() < 3) {
                    return;
                }
                int total = queue.get(2) + 4;
                if (queue.size() < total) {
                    return;
                }
                flushSkipped();
                byte[] f = queue.copy(0, total);
                queue.drop(total);
                command(f, out);
            } else {
                int extra = rssiAppended ? 1 : 0;
                if (first < MIN_TELEGRAM + extra) {
                    skip();
                    continue;
                }
                if (queue.size() < 2) {
                    return;
                }
                if (!WMBusCField.isValid(queue.get(1))) {
                    skip();
                    continue;
                }
                if (queue.size() < first + 1) {
                    return;
                }
                flushSkipped();
                byte[] t = queue.copy(0, first + 1);
                queue.drop(first + 1);
                out.accept(telegram(t, 1, first, extra));
            }
        }
    }

    private void command(byte[] f, Consumer<AmberMessage> out) {
        int cmd = f[1] & 0xFF;
        int len = f[2] & 0xFF;
        int cs = xor(f, f.length - 1);
        if (cs != (f[f.length - 1] & 0xFF)) {
            faults.fault(FaultKind.CHECKSUM, String.format("command 0x%02X: checksum %02X, computed %02X", cmd,
                    f[f.length - 1] & 0xFF, cs));
            return;
        }
        if (cmd == AmberCommand.DATA_IND.code()) {
            int extra = rssiAppended ? 1 : 0;
            if (len < MIN_TELEGRAM + extra) {
                faults.fault(FaultKind.FRAMING, "CMD_DATA_IND with " + len + " data bytes is no telegram");
                return;
            }
            out.accept(telegram(f, 3, len, extra));
            return;
        }
        if (!AmberCommand.known(cmd)) {
            faults.fault(FaultKind.UNKNOWN_MESSAGE, String.format("command 0x%02X with %d bytes", cmd, len));
            return;
        }
        byte[] payload = new byte[len];
        System.arraycopy(f, 3, payload, 0, len);
        out.accept(new AmberMessage.Command(cmd, payload));
    }

    /** A telegram whose {@code length} data bytes start at {@code from}; the last is the RSSI when {@code extra} is 1. */
    private static AmberMessage.Telegram telegram(byte[] b, int from, int length, int extra) {
        int body = length - extra;
        byte[] frame = new byte[body + 1];
        frame[0] = (byte) body;
        System.arraycopy(b, from, frame, 1, body);
        OptionalInt rssi = extra == 1 ? OptionalInt.of(b[from + body] & 0xFF) : OptionalInt.empty();
        return new AmberMessage.Telegram(frame, rssi);
    }

    private void skip() {
        queue.drop(1);
        skipped++;
    }

    private void flushSkipped() {
        if (skipped > 0) {
            faults.fault(FaultKind.FRAMING, skipped + " bytes that start no frame skipped");
            skipped = 0;
        }
    }
}
