package org.metergate.mbus.record;

/**
 * Daylight saving of type K (EN 13757-3 annex A, CP32), sent with VIF FD 72: when summer time
 * begins and ends. Fields decoded here: begin hour bits 0-4, begin day bits 8-12, begin month bits
 * 16-19, end month bits 20-23, end day bits 24-28; {@link #raw()} keeps all 32 bits, including
 * the deviation bits this decoder does not interpret.
 *
 * @param raw the 32 bits as sent (little endian)
 */
public record DaylightSaving(int raw, int beginHour, int beginDay, int beginMonth, int endDay, int endMonth)
        implements DataValue {

    /** Decodes the four bytes of a type K field. */
    public static DaylightSaving decode(byte[] buf, int offset) {
        int b0 = buf[offset] & 0xFF;
        int b1 = buf[offset + 1] & 0xFF;
        int b2 = buf[offset + 2] & 0xFF;
        int b3 = buf[offset + 3] & 0xFF;
        int raw = b0 | b1 << 8 | b2 << 16 | b3 << 24;
        return new DaylightSaving(raw, b0 & 0x1F, b1 & 0x1F, b2 & 0x0F, b3 & 0x1F, (b2 >> 4) & 0x0F);
    }

    @Override
    public String text() {
        return String.format("daylight saving from day %d month %d %02d:00 to day %d month %d (raw %08X)",
                beginDay, beginMonth, beginHour, endDay, endMonth, raw);
    }
}
