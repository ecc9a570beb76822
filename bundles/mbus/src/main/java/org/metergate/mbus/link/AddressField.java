package org.metergate.mbus.link;

/** The EN 13757-2 A-field: what an address byte means. */
public enum AddressField {
    /** 0: a slave whose primary address is not configured yet. */
    UNCONFIGURED,
    /** 1-250: a primary address. */
    PRIMARY,
    /** 251, 252: reserved. */
    RESERVED,
    /** 253: the slave selected by secondary address (network layer). */
    SECONDARY_ADDRESSING,
    /** 254: broadcast, every slave answers (test and point-to-point use). */
    BROADCAST_WITH_REPLY,
    /** 255: broadcast, no slave answers. */
    BROADCAST_WITHOUT_REPLY;

    public static final int NETWORK_LAYER = 253;
    public static final int BROADCAST_REPLY = 254;
    public static final int BROADCAST_NO_REPLY = 255;
    public static final int MAX_PRIMARY = 250;

    /** What an address byte means. */
    public static AddressField of(int address) {
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("A-field must be a byte: " + address);
        }
        if (address == 0) {
            return UNCONFIGURED;
        }
        if (address <= MAX_PRIMARY) {
            return PRIMARY;
        }
        switch (address) {
            case NETWORK_LAYER:
                return SECONDARY_ADDRESSING;
            case BROADCAST_REPLY:
                return BROADCAST_WITH_REPLY;
            case BROADCAST_NO_REPLY:
                return BROADCAST_WITHOUT_REPLY;
            default:
                return RESERVED;
        }
    }
}
