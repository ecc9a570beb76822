package org.metergate.wmbus.link;

/**
 * How the EN 13757-4 data link layer framed a telegram's bytes: which CRCs were on the air and whether
 * the receiver kept them.
 */
public enum FrameFormat {
    /**
     * Frame format A: a first block of 10 bytes (L, C, M, A) and then blocks of 16 bytes (the last one
     * shorter), each followed by its CRC. The L-field counts the bytes after it without the CRCs.
     */
    A,
    /**
     * Frame format B: block 1 (L, C, M, A) and block 2 (up to 115 more bytes) share one CRC at the end of
     * block 2; an optional block 3 carries the rest with its own CRC. The L-field counts the CRCs too.
     */
    B,
    /** The receiver has checked and removed the CRCs: L, C, M, A and the rest, L-field counting the bytes after it. */
    NO_CRC
}
