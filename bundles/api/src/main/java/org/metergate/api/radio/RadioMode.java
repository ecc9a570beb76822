package org.metergate.api.radio;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A radio mode of EN 13757-4 as a deployable service: a gateway can receive a mode only while the
 * bundle that provides this service for it is deployed. Registered with the service property
 * {@value #MODE} holding the mode label.
 *
 * <p>Besides naming the mode, the service carries the mode's physical facts ({@link #spec()}) and its
 * bit-level frame handling for receivers that deliver chips instead of frames: a streaming decoder
 * ({@link #newChipDecoder}), a decoder of the chips after a known synchronisation word
 * ({@link #decodeFrame}) and an encoder from frame bytes to the chips a transmitter sends
 * ({@link #encodeFrame}).
 */
@ProviderType
public interface RadioMode {

    /** Service property: the mode's label, e.g. {@code T1}. */
    String MODE = "metergate.radio.mode";

    RadioModeId id();

    /** The frame formats (A, B) a meter may use in this mode. */
    Set<FrameFormat> frameFormats();

    /** The EN 13757-4 frame formats. */
    enum FrameFormat {
        /** Format A: first block 10 bytes, then blocks of 16, each followed by a CRC. */
        A,
        /** Format B: first block 10 bytes, second block up to 118 bytes incl. its CRC, optional third block. */
        B
    }

    /**
     * The physical facts of the mode: frequencies, chip rate, line code, modulation, preamble and
     * synchronisation words per direction, frame formats, duty cycle and the access windows of a
     * bidirectional sub-mode.
     *
     * @since 1.1
     */
    RadioModeSpec spec();

    /**
     * A new streaming decoder for the chips of one receiver in {@code direction}.
     *
     * @throws IllegalArgumentException when the mode has no channel in that direction or the options ask
     *         for more preamble chips than the mode's minimum preamble has
     * @since 1.1
     */
    ChipDecoder newChipDecoder(Direction direction, ChipDecoderOptions options);

    /**
     * Decodes the frame whose chips start right after a synchronisation word of {@code format}: the
     * L-field, then as many bytes as the L-field and the format give, line-decoded and CRC-checked.
     * Chips after the frame (the postamble) are ignored.
     *
     * @throws ChipCodingException with the chip position (from the first chip given) of an invalid
     *         symbol, a Manchester violation, an impossible L-field, a CRC error, or the end of the chips
     *         inside the frame
     * @since 1.1
     */
    DecodedFrame decodeFrame(Direction direction, FrameFormat format, ChipSequence chips) throws ChipCodingException;

    /**
     * The chips a transmitter sends for a frame: the shortest conforming preamble, the synchronisation
     * word of {@code format}, the line-coded frame and the shortest postamble.
     *
     * @param frame the link-layer frame with the CRCs of {@code format}, from the L-field on
     * @throws IllegalArgumentException when the format is not allowed in that direction or the frame's
     *         length does not fit its L-field and format
     * @since 1.1
     */
    ChipSequence encodeFrame(Direction direction, FrameFormat format, byte[] frame);
}
