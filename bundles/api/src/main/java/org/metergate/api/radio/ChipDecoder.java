package org.metergate.api.radio;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds and decodes EN 13757-4 frames in a continuous stream of chips, as a bit-level receiver (an SDR
 * demodulator, a raw transceiver) delivers them: it looks for the preamble tail and synchronisation
 * word (with a tolerated number of wrong chips), reads the L-field, decodes the line code (Manchester,
 * 3-out-of-6, NRZ) of the frame's bytes and checks their CRCs. One decoder serves one stream; it is not
 * thread-safe. Positions count chips from the start of the stream.
 */
@ProviderType
public interface ChipDecoder {

    RadioModeId mode();

    Direction direction();

    /**
     * Feeds the next chips of the stream. Returns the frames and frame errors these chips completed, in
     * stream order; a frame whose chips have not all arrived yet is kept for the next call.
     */
    List<ChipDecoderResult> feed(ChipSequence chips);

    /**
     * Ends the stream: a frame still incomplete is reported as {@link FrameError.Kind#TRUNCATED}. The
     * decoder is then ready for a new stream, counting from chip 0.
     */
    List<ChipDecoderResult> finish();

    /** Number of chips fed since the stream started. */
    long position();
}
