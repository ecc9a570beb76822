package org.metergate.api.radio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metergate.api.radio.RadioMode.FrameFormat;

/**
 * The physical layer of one direction of an EN 13757-4 sub-mode: where and how the chips go on the air
 * and how a frame starts (preamble, then the synchronisation word that also tells the frame format in
 * modes C, N and F).
 *
 * @param direction meter-to-other or other-to-meter
 * @param channel the EN 13757-4 channel designation where the standard names one (mode N: {@code 1a}
 *        .. {@code 3b}), else empty
 * @param frequencyHz the centre frequency in Hz
 * @param chipRate chips per second on the air
 * @param encoding the line code from data bits to chips
 * @param modulation the carrier modulation
 * @param deviationHz the nominal frequency deviation in Hz
 * @param preamble the header before the synchronisation word
 * @param syncWords the synchronisation word of each frame format allowed in this direction (one word
 *        for format A only in modes S and T; one per format in C, N and F)
 * @param postamble the trailer after the data
 * @param dutyCycle the duty-cycle limit of the sub-band
 */
public record PhysicalChannel(Direction direction, String channel, long frequencyHz, int chipRate,
        DataEncoding encoding, Modulation modulation, int deviationHz, Preamble preamble,
        Map<FrameFormat, ChipSequence> syncWords, Postamble postamble, DutyCycle dutyCycle) {

    public PhysicalChannel {
        Objects.requireNonNull(direction, "direction");
        channel = channel == null ? "" : channel;
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(modulation, "modulation");
        Objects.requireNonNull(preamble, "preamble");
        Objects.requireNonNull(postamble, "postamble");
        Objects.requireNonNull(dutyCycle, "dutyCycle");
        if (frequencyHz <= 0 || chipRate <= 0 || deviationHz < 0) {
            throw new IllegalArgumentException("frequency, chip rate and deviation must be positive");
        }
        if (syncWords == null || syncWords.isEmpty()) {
            throw new IllegalArgumentException("a channel needs at least one synchronisation word");
        }
        if (new HashSet<>(syncWords.values()).size() != syncWords.size()) {
            throw new IllegalArgumentException("the frame formats must have different synchronisation words");
        }
        syncWords = Collections.unmodifiableMap(new EnumMap<>(syncWords));
    }

    /** The frame formats allowed in this direction. */
    public Set<FrameFormat> frameFormats() {
        return Collections.unmodifiableSet(EnumSet.copyOf(syncWords.keySet()));
    }

    /** The synchronisation word that announces a frame of {@code format}, if that format is allowed. */
    public Optional<ChipSequence> syncWord(FrameFormat format) {
        return Optional.ofNullable(syncWords.get(format));
    }

    /** Data bits per second: the chip rate over the chips per bit of the line code. */
    public double dataRate() {
        return encoding.dataRate(chipRate);
    }
}
