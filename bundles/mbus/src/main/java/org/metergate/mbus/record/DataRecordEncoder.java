package org.metergate.mbus.record;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;

/**
 * Builds data records for what a master sends (CI 0x51): integers, BCD, date and time, or raw
 * DIB/VIB/data. Storage number, tariff and subunit are 0 and the function is instantaneous unless the
 * raw form is used.
 */
public final class DataRecordEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A record from its raw parts. */
    public DataRecordEncoder raw(byte[] dib, byte[] vib, byte[] data) {
        out.writeBytes(dib);
        out.writeBytes(vib);
        out.writeBytes(data);
        return this;
    }

    /** A binary integer record of 1, 2, 3, 4, 6 or 8 bytes (two's complement, least significant byte first). */
    public DataRecordEncoder integer(int vif, long value, int bytes) {
        int dif;
        switch (bytes) {
            case 1: dif = 0x01; break;
            case 2: dif = 0x02; break;
            case 3: dif = 0x03; break;
            case 4: dif = 0x04; break;
            case 6: dif = 0x06; break;
            case 8: dif = 0x07; break;
            default: throw new IllegalArgumentException("integers have 1, 2, 3, 4, 6 or 8 bytes, not " + bytes);
        }
        out.write(dif);
        out.write(vif);
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >> (8 * i)));
        }
        return this;
    }

    /** A BCD record of 2, 4, 6, 8 or 12 digits; a negative value gets F in the most significant digit. */
    public DataRecordEncoder bcd(int vif, long value, int digits) {
        int dif;
        switch (digits) {
            case 2: dif = 0x09; break;
            case 4: dif = 0x0A; break;
            case 6: dif = 0x0B; break;
            case 8: dif = 0x0C; break;
            case 12: dif = 0x0E; break;
            default: throw new IllegalArgumentException("BCD has 2, 4, 6, 8 or 12 digits, not " + digits);
        }
        boolean negative = value < 0;
        long v = Math.abs(value);
        long limit = 1;
        for (int i = 0; i < (negative ? digits - 1 : digits); i++) {
            limit *= 10;
        }
        if (v >= limit) {
            throw new IllegalArgumentException(value + " does not fit " + digits + " BCD digits");
        }
        out.write(dif);
        out.write(vif);
        for (int i = 0; i < digits / 2; i++) {
            int lo = (int) (v % 10);
            v /= 10;
            int hi = (int) (v % 10);
            v /= 10;
            if (negative && i == digits / 2 - 1) {
                hi = 0x0F;
            }
            out.write(hi << 4 | lo);
        }
        return this;
    }

    /** Date and time of type F with VIF 0x6D (e.g. to set the meter's clock); the SU flag as given. */
    public DataRecordEncoder dateTimeF(LocalDateTime t, boolean summerTime) {
        int year = t.getYear();
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("type F holds the years 2000-2099 here, not " + year);
        }
        int y = year - 2000;
        out.write(0x04);
        out.write(0x6D);
        out.write(t.getMinute() & 0x3F);
        out.write((t.getHour() & 0x1F) | (summerTime ? 0x80 : 0));
        out.write((t.getDayOfMonth() & 0x1F) | (y & 0x07) << 5);
        out.write((t.getMonthValue() & 0x0F) | (y & 0x78) << 1);
        return this;
    }

    /** The records so far. */
    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** The record that sets a slave's primary address (DIF 01, VIF 7A). */
    public static byte[] primaryAddress(int address) {
        if (address < 0 || address > 250) {
            throw new IllegalArgumentException("primary addresses are 0-250: " + address);
        }
        return new DataRecordEncoder().integer(0x7A, address, 1).toBytes();
    }
}
