package org.metergate.radio.common;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DataEncoding;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.RadioModeSpec;

/**
 * A {@link RadioMode} driven by its physical facts: the decoders and the encoder of each direction come
 * from the channel's line code, preamble and synchronisation words. The mode bundles register one
 * subclass per sub-mode as a DS component.
 */
public class StandardRadioMode implements RadioMode {

    private final RadioModeSpec spec;
    private final Map<Direction, LineCode> codes = new EnumMap<>(Direction.class);

    /**
     * @param extraCodes line codes besides Manchester and NRZ the channels use (mode T: 3-out-of-6)
     * @throws IllegalArgumentException when a channel uses a line code that is not given
     */
    public StandardRadioMode(RadioModeSpec spec, LineCode... extraCodes) {
        this.spec = Objects.requireNonNull(spec, "spec");
        Map<DataEncoding, LineCode> known = new EnumMap<>(DataEncoding.class);
        known.put(DataEncoding.MANCHESTER, Manchester.INSTANCE);
        known.put(DataEncoding.NRZ, Nrz.INSTANCE);
        for (LineCode c : extraCodes) {
            known.put(c.encoding(), c);
        }
        for (PhysicalChannel ch : spec.channels()) {
            LineCode code = known.get(ch.encoding());
            if (code == null) {
                throw new IllegalArgumentException(spec.id() + " " + ch.direction() + " needs a " + ch.encoding()
                        + " line code");
            }
            codes.put(ch.direction(), code);
        }
    }

    @Override
    public RadioModeId id() {
        return spec.id();
    }

    @Override
    public Set<FrameFormat> frameFormats() {
        return spec.frameFormats();
    }

    @Override
    public RadioModeSpec spec() {
        return spec;
    }

    /**
     * Chips that, right after this mode's synchronisation word in {@code direction}, announce a frame of
     * another mode sharing the word and frequency; none unless a subclass says so.
     */
    protected List<ChipSequence> foreignContinuations(Direction direction) {
        return List.of();
    }

    @Override
    public ChipDecoder newChipDecoder(Direction direction, ChipDecoderOptions options) {
        Objects.requireNonNull(options, "options");
        return new ChipFrameDecoder(spec.id(), channel(direction), codes.get(direction), options,
                foreignContinuations(direction));
    }

    @Override
    public DecodedFrame decodeFrame(Direction direction, FrameFormat format, ChipSequence chips)
            throws ChipCodingException {
        PhysicalChannel channel = channel(direction);
        if (channel.syncWord(format).isEmpty()) {
            throw new IllegalArgumentException(spec.id() + " uses no frame format " + format + " " + direction);
        }
        FrameReader.Outcome r = FrameReader.read(new FrameReader.Chips() {
            @Override
            public boolean has(long from, long count) {
                return from >= 0 && from + count <= chips.length();
            }

            @Override
            public long bits(long from, int count) {
                return chips.bits((int) from, count);
            }

            @Override
            public long end() {
                return chips.length();
            }
        }, 0, format, codes.get(direction));
        if (!r.complete()) {
            throw new ChipCodingException(FrameError.Kind.TRUNCATED, r.missingFrom(), "the " + chips.length()
                    + " chips end inside the frame");
        }
        return new DecodedFrame(spec.id(), direction, format, r.frame(), 0, r.end(), 0);
    }

    @Override
    public ChipSequence encodeFrame(Direction direction, FrameFormat format, byte[] frame) {
        PhysicalChannel channel = channel(direction);
        return FrameChipEncoder.encode(channel, codes.get(direction), format, frame,
                channel.preamble().minRepetitions(), channel.postamble().minChips());
    }

    /** The line code of {@code direction}. */
    public LineCode lineCode(Direction direction) {
        channel(direction);
        return codes.get(direction);
    }

    private PhysicalChannel channel(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return spec.channel(direction).orElseThrow(() -> new IllegalArgumentException(
                spec.id() + " is unidirectional: the meter does not listen (" + direction + ")"));
    }

    @Override
    public String toString() {
        return "RadioMode[" + spec.id() + "]";
    }
}
