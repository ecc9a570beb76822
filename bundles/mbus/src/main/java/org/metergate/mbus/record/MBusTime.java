package org.metergate.mbus.record;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A time of day of type J (EN 13757-3 annex A, CP24): second bits 0-5, minute bits 8-13, hour bits
 * 16-20; the other bits are reserved.
 */
public record MBusTime(int hour, int minute, int second) implements DataValue {

    /** Decodes the three bytes of a type J field (least significant byte first). */
    public static MBusTime decode(byte[] buf, int offset) {
        return new MBusTime(buf[offset + 2] & 0x1F, buf[offset + 1] & 0x3F, buf[offset] & 0x3F);
    }

    public Optional<LocalTime> toLocalTime() {
        try {
            return Optional.of(LocalTime.of(hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String text() {
        return String.format("%02d:%02d:%02d", hour, minute, second);
    }
}
