package org.metergate.mbus.record;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A date and time of EN 13757-3 annex A.
 *
 * <p>Type F (CP32, 4 bytes): minute bits 0-5, bit 7 IV (time invalid); hour bits 8-12, hundred-year
 * bits 13-14, bit 15 SU (summer time); day bits 16-20, year bits 21-23 and 28-31; month bits 24-27.
 *
 * <p>Type I (CP48, 6 bytes): second bits 0-5, bit 6 SU (summer time), bit 7 LY (leap year); minute bits
 * 8-13, bit 15 IV (time invalid); hour bits 16-20, day of week bits 21-23 (1 = Monday, 0 = not
 * given); day bits 24-28, year bits 29-31 and 36-39; month bits 32-35; week bits 40-45 (0 = not
 * given), daylight saving deviation in hours bits 46-47.
 *
 * <p>Type M (variable length): an ISO 8601 text in an LVAR field, see {@link #type()}.
 *
 * @param type 'F', 'I' or 'M'
 * @param year the full year (year of century 0-80: 2000-2080, 81-99: 1981-1999; type F adds 100 per
 *        hundred-year step)
 * @param month 1-12 as sent
 * @param day 1-31 as sent
 * @param hour 0-23 as sent
 * @param minute 0-59 as sent
 * @param second 0-59 (0 for type F)
 * @param invalid the IV flag: the meter says the time is not valid
 * @param summerTime the SU flag
 * @param dayOfWeek type I: 1 (Monday) to 7, 0 when not given or another type
 * @param week type I: ISO week 1-53, 0 when not given or another type
 * @param leapYear type I: the LY flag
 * @param daylightSavingDeviation type I: hours of daylight saving deviation (0-3)
 */
public record MBusDateTime(char type, int year, int month, int day, int hour, int minute, int second,
                           boolean invalid, boolean summerTime, int dayOfWeek, int week, boolean leapYear,
                           int daylightSavingDeviation) implements DataValue {

    /** Decodes a type F field (4 bytes, least significant byte first). */
    public static MBusDateTime decodeTypeF(byte[] buf, int offset) {
        int b0 = buf[offset] & 0xFF;
        int b1 = buf[offset + 1] & 0xFF;
        int b2 = buf[offset + 2] & 0xFF;
        int b3 = buf[offset + 3] & 0xFF;
        int yearCode = ((b2 >> 5) & 0x07) | ((b3 >> 1) & 0x78);
        int hundredYear = (b1 >> 5) & 0x03;
        return new MBusDateTime('F', fullYear(yearCode, hundredYear), b3 & 0x0F, b2 & 0x1F, b1 & 0x1F, b0 & 0x3F, 0,
                (b0 & 0x80) != 0, (b1 & 0x80) != 0, 0, 0, false, 0);
    }

    /** Decodes a type I field (6 bytes, least significant byte first). */
    public static MBusDateTime decodeTypeI(byte[] buf, int offset) {
        int b0 = buf[offset] & 0xFF;
        int b1 = buf[offset + 1] & 0xFF;
        int b2 = buf[offset + 2] & 0xFF;
        int b3 = buf[offset + 3] & 0xFF;
        int b4 = buf[offset + 4] & 0xFF;
        int b5 = buf[offset + 5] & 0xFF;
        int yearCode = ((b3 >> 5) & 0x07) | ((b4 >> 1) & 0x78);
        return new MBusDateTime('I', fullYear(yearCode, 0), b4 & 0x0F, b3 & 0x1F, b2 & 0x1F, b1 & 0x3F, b0 & 0x3F,
                (b1 & 0x80) != 0, (b0 & 0x40) != 0, (b2 >> 5) & 0x07, b5 & 0x3F, (b0 & 0x80) != 0, (b5 >> 6) & 0x03);
    }

    /**
     * The full year from a year of century and the hundred-year field of type F. With hundred-year 0
     * the standard's compatibility rule applies: 0-80 are 2000-2080, 81-99 are 1981-1999. Codes
     * above 99 are returned as they are.
     */
    static int fullYear(int yearCode, int hundredYear) {
        if (yearCode > 99) {
            return yearCode;
        }
        if (hundredYear == 0) {
            return yearCode <= 80 ? 2000 + yearCode : 1900 + yearCode;
        }
        return 1900 + 100 * hundredYear + yearCode;
    }

    /** The local date and time the meter shows, or empty when marked invalid or not a calendar date. */
    public Optional<LocalDateTime> toLocalDateTime() {
        if (invalid || year < 1900) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO {@code yyyy-MM-ddTHH:mm[:ss]}, with " (summer time)" / " (invalid)" when flagged. */
    @Override
    public String text() {
        String t = toLocalDateTime().map(LocalDateTime::toString).orElseGet(() -> String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second));
        if (invalid) {
            t += " (invalid)";
        }
        if (summerTime) {
            t += " (summer time)";
        }
        return t;
    }
}
