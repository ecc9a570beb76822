package org.metergate.serial;

/** Stop bits of a serial character frame. */
public enum StopBits {
    ONE, ONE_POINT_FIVE, TWO
}
