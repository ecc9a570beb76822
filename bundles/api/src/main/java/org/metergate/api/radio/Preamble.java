package org.metergate.api.radio;

import java.util.Objects;

/**
 * The EN 13757-4 preamble (header) that precedes the synchronisation word: {@code unit} repeated at
 * least {@code minRepetitions} times, e.g. n x (01) with n &ge; 19 in mode T meter-to-other. It lets the
 * receiver settle and recover the chip clock; it carries no data.
 *
 * @param unit the repeated chip pattern, {@code 01} in every mode
 * @param minRepetitions the least n a conforming transmitter sends
 */
public record Preamble(ChipSequence unit, int minRepetitions) {

    public Preamble {
        Objects.requireNonNull(unit, "unit");
        if (unit.isEmpty() || minRepetitions < 1) {
            throw new IllegalArgumentException("a preamble repeats a non-empty unit at least once");
        }
    }

    /** n x (01). */
    public static Preamble alternating(int minRepetitions) {
        return new Preamble(ChipSequence.parse("01"), minRepetitions);
    }

    /** The shortest conforming preamble. */
    public ChipSequence minimal() {
        return unit.repeat(minRepetitions);
    }

    /** Number of chips of the shortest conforming preamble. */
    public int minChips() {
        return unit.length() * minRepetitions;
    }
}
