package org.metergate.api.radio;

/**
 * How tolerant a {@link ChipDecoder} is when it looks for the start of a frame in a chip stream.
 *
 * @param maxSyncErrors how many chips of the searched pattern (preamble tail and synchronisation word)
 *        may be wrong for a frame start still to be accepted (0 to 8)
 * @param preambleChips how many chips of the preamble just before the synchronisation word must be
 *        there too (0 up to the mode's minimum preamble); more chips mean fewer false frame starts in
 *        noise
 */
public record ChipDecoderOptions(int maxSyncErrors, int preambleChips) {

    /** One wrong chip tolerated, 16 preamble chips matched. */
    public static final ChipDecoderOptions DEFAULT = new ChipDecoderOptions(1, 16);

    public ChipDecoderOptions {
        if (maxSyncErrors < 0 || maxSyncErrors > 8) {
            throw new IllegalArgumentException("maxSyncErrors must be 0 to 8, not " + maxSyncErrors);
        }
        if (preambleChips < 0) {
            throw new IllegalArgumentException("preambleChips must not be negative: " + preambleChips);
        }
    }

    /** No wrong chip tolerated. */
    public static ChipDecoderOptions exact(int preambleChips) {
        return new ChipDecoderOptions(0, preambleChips);
    }
}
