package org.metergate.mbus.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date of type G (EN 13757-3 annex A, CP16): day in bits 0-4, month in bits 8-11, year of century
 * in bits 5-7 (low) and 12-15 (high). The fields are kept as sent: day 0, month 15 or year code 127
 * mean "every day / month / year" in periodic dates, and meters send all zeros for "no date".
 *
 * @param year the full year for year codes 0-99 (0-80: 2000-2080, 81-99: 1981-1999); for the
 *        codes 100-127 (127: every year) the code itself
 * @param month 1-12, or as sent (0, 13-15)
 * @param day 1-31, or as sent (0)
 */
public record MBusDate(int year, int month, int day) implements DataValue {

    /** Decodes the two bytes of a type G field (least significant byte first). */
    public static MBusDate decode(byte[] buf, int offset) {
        int lo = buf[offset] & 0xFF;
        int hi = buf[offset + 1] & 0xFF;
        int yearCode = ((lo >> 5) & 0x07) | ((hi >> 1) & 0x78);
        return new MBusDate(MBusDateTime.fullYear(yearCode, 0), hi & 0x0F, lo & 0x1F);
    }

    /** The calendar date, or empty when the fields are not one (no date, periodic date, day 31 in April...). */
    public Optional<LocalDate> toLocalDate() {
        if (year < 1900 || month < 1 || month > 12 || day < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO {@code yyyy-MM-dd} when a calendar date, else the fields as sent. */
    @Override
    public String text() {
        return toLocalDate().map(LocalDate::toString).orElseGet(() -> "not a date (year " + year + ", month " + month + ", day " + day + ")");
    }
}
