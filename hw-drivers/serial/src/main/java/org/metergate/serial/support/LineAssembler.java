package org.metergate.serial.support;

import java.util.function.Consumer;

/**
 * Cuts a byte stream of an ASCII line protocol into lines: LF ends a line, a CR before it is dropped, empty lines are
 * skipped. A line with a byte that is no printable ASCII, or longer than the limit, is a framing fault and is dropped
 * whole (up to its LF), so one burst of noise costs one fault, not one per byte. Not thread-safe.
 */
public final class LineAssembler {

    private final int maxLength;
    private final StringBuilder line = new StringBuilder();
    private String badReason; // non-null: the current line is being discarded

    public LineAssembler(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("max line length must be positive: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    public void feed(byte[] data, int length, Consumer<String> lines, FaultSink faults) {
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            if (b == '\n') {
                if (badReason != null) {
                    faults.fault(FaultKind.FRAMING, badReason);
                } else {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    if (!line.isEmpty()) {
                        lines.accept(line.toString());
                    }
                }
                line.setLength(0);
                badReason = null;
            } else if (badReason != null) {
                continue;
            } else if ((b < 0x20 && b != '\r' && b != '\t') || b >= 0x7F) {
                badReason = String.format("byte 0x%02X is not text (line dropped after %d characters)", b, line.length());
            } else if (line.length() >= maxLength) {
                badReason = "line longer than " + maxLength + " characters";
            } else {
                line.append((char) b);
            }
        }
    }

    /** Forgets a partial line (after a reconnect). */
    public void reset() {
        line.setLength(0);
        badReason = null;
    }
}
