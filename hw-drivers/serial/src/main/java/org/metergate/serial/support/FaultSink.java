package org.metergate.serial.support;

/** Where decoders report bad input; never throws. */
@FunctionalInterface
public interface FaultSink {

    /** Counts one fault of {@code kind}; {@code detail} says what and where (never secrets). */
    void fault(FaultKind kind, String detail);
}
