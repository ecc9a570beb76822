package org.metergate.serial;

/** Parity bit of a serial character frame. */
public enum Parity {
    NONE, ODD, EVEN, MARK, SPACE
}
