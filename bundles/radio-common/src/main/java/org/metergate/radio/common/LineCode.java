package org.metergate.radio.common;

import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.DataEncoding;

/**
 * A line code of EN 13757-4 from bytes to chips, one byte at a time, most significant bit first. A byte
 * takes 16 (Manchester), 12 (3-out-of-6) or 8 (NRZ) chips, held in an int with the first chip in the
 * most significant of the low {@link #chipsPerByte()} bits.
 */
public interface LineCode {

    DataEncoding encoding();

    default int chipsPerByte() {
        return encoding().chipsPerByte();
    }

    /** The chips of one byte (0..255). */
    int encodeByte(int value);

    /**
     * The byte the chips of one byte stand for.
     *
     * @throws ChipCodingException with the position of the offending chips within the byte's chips
     */
    int decodeByte(int chips) throws ChipCodingException;
}
