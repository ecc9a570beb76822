package org.metergate.api.telegram;

/** How the bytes of a {@link RawTelegram} are framed: EN 13757-2 (wired) or EN 13757-4 (wireless) frame formats. */
public enum TelegramFormat {
    /** An EN 13757-2 wired frame: single character, short, control or long frame with start, checksum and stop. */
    MBUS_FRAME,
    /** An EN 13757-4 frame format A with its link-layer CRCs (first block of 10 bytes, then blocks of 16). */
    WMBUS_FORMAT_A,
    /** An EN 13757-4 frame format B with its link-layer CRCs. */
    WMBUS_FORMAT_B,
    /** An EN 13757-4 frame whose CRCs the receiver has checked and removed (most wM-Bus sticks deliver this). */
    WMBUS_NO_CRC,
    /** An EN 13757-4 frame of unknown framing: the decoder tells format A, B and no CRCs apart. */
    WMBUS_DETECT
}
