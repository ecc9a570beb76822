package org.metergate.store.log;

import java.time.Duration;

/**
 * What opening a journal found: how many segments, which one it continued, how much of its tail it
 * had to scan (bounded by the index interval, not by the journal's size), how many bytes of an
 * unfinished append it cut off, and how long it took.
 */
public record RecoveryReport(int segments, String lastSegment, long scannedBytes, long truncatedBytes,
                             long nextSequence, Duration took) {
}
