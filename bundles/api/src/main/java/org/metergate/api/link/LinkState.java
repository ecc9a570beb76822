package org.metergate.api.link;

/** The state of a meter link or transceiver of the M or C interface (TR 50572 "communication statistics"). */
public enum LinkState {
    /** Opening its device or connection. */
    STARTING,
    /** Receiving and able to send. */
    UP,
    /** Working, but with errors above normal or a part missing. */
    DEGRADED,
    /** Not working; reconnecting with back-off where it can. */
    DOWN,
    /** Closed on purpose. */
    STOPPED
}
