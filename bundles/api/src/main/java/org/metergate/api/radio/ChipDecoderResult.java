package org.metergate.api.radio;

/** What a {@link ChipDecoder} found in a chip stream: a frame, or an error where a frame started. */
public sealed interface ChipDecoderResult permits DecodedFrame, FrameError {

    /** The sub-mode the decoder works in. */
    RadioModeId mode();

    /** The chip position (counted from the start of the stream) the result refers to. */
    long position();
}
