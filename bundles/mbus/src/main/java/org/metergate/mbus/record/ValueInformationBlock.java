package org.metergate.mbus.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.metergate.api.reading.Unit;
import org.metergate.mbus.MBusDecodeException;

/**
 * The value information block of EN 13757-3: the VIF (primary table; 0xFB / 0xFD: the true VIF is in
 * the first VIFE, from the alternate or main extension table; 0x7C / 0xFC: plain-text unit, given as
 * a length byte and ASCII characters last-first right after the VIF; 0x7E / 0xFE: any VIF; 0x7F /
 * 0xFF: manufacturer specific) and up to ten VIFEs, which are combinable (orthogonal) VIFEs applied
 * to the value information in order.
 *
 * @param offset absolute offset of the VIF
 * @param length bytes of VIF, plain text and VIFEs
 * @param information what they say
 */
public record ValueInformationBlock(int offset, int length, ValueInformation information) {

    /** EN 13757-3: a VIF is followed by at most ten VIFEs. */
    public static final int MAX_VIFE = 10;

    private static final ValueInformation ANY = ValueInformation.entry(VifTable.ANY, 0x7E, "any VIF", "any",
            Unit.NONE, 0, ValueKind.NUMBER);
    private static final ValueInformation MANUFACTURER = ValueInformation.entry(VifTable.MANUFACTURER_SPECIFIC, 0x7F,
            "manufacturer specific", "manufacturer specific", Unit.NONE, 0, ValueKind.MANUFACTURER_SPECIFIC);

    /**
     * Decodes the VIB at {@code buf[offset]}, reading no further than {@code end}.
     *
     * @throws MBusDecodeException for a VIB cut short, a plain-text unit longer than the data, or
     *         more than ten VIFEs
     */
    public static ValueInformationBlock decode(byte[] buf, int offset, int end, Direction direction)
            throws MBusDecodeException {
        if (offset >= end) {
            throw new MBusDecodeException(offset, "premature end of data: VIF expected");
        }
        int vif = buf[offset] & 0xFF;
        int p = offset + 1;
        int code = vif & 0x7F;
        boolean more = (vif & 0x80) != 0;
        int vifes = 0;
        ValueInformation base;
        switch (code) {
            case 0x7B:
            case 0x7D:
                if (!more) {
                    base = VifTables.primary(code); // an extension code without extension: reserved
                    break;
                }
                if (p >= end) {
                    throw new MBusDecodeException(p, "premature end of data: VIFE with the extended VIF code expected");
                }
                int ext = buf[p++] & 0xFF;
                vifes++;
                base = code == 0x7B ? VifTables.extensionFb(ext) : VifTables.extensionFd(ext);
                more = (ext & 0x80) != 0;
                break;
            case 0x7C: {
                if (p >= end) {
                    throw new MBusDecodeException(p, "premature end of data: length of the plain-text VIF expected");
                }
                int len = buf[p] & 0xFF;
                if (len > end - p - 1) {
                    throw new MBusDecodeException(p, "plain-text VIF of " + len + " characters, only " + (end - p - 1)
                            + " bytes left");
                }
                char[] text = new char[len];
                for (int i = 0; i < len; i++) {
                    text[i] = (char) (buf[p + len - i] & 0xFF); // sent last character first
                }
                p += 1 + len;
                String unit = new String(text);
                base = ValueInformation.entry(VifTable.PLAIN_TEXT, 0x7C, "plain-text unit \"" + unit + "\"", unit,
                        new Unit(unit), 0, ValueKind.NUMBER);
                break;
            }
            case 0x7E:
                base = ANY;
                break;
            case 0x7F:
                base = MANUFACTURER;
                break;
            default:
                base = VifTables.primary(code);
        }
        if (!more) {
            return new ValueInformationBlock(offset, p - offset, base);
        }
        return applyVifes(buf, offset, p, end, vifes, base, direction);
    }

    private static ValueInformationBlock applyVifes(byte[] buf, int offset, int p, int end, int vifes,
                                                    ValueInformation base, Direction direction)
            throws MBusDecodeException {
        StringBuilder description = new StringBuilder(base.description());
        String quantity = base.quantity();
        Unit unit = base.unit();
        int exponent = base.exponent();
        BigDecimal additive = null;
        ValueKind kind = base.kind();
        boolean manufacturer = kind == ValueKind.MANUFACTURER_SPECIFIC;
        List<OrthogonalVife> applied = new ArrayList<>(2);
        boolean more = true;
        while (more) {
            int vife = next(buf, p, end, vifes);
            p++;
            vifes++;
            more = (vife & 0x80) != 0;
            if (manufacturer) {
                continue; // the VIFEs after a manufacturer-specific VIF(E) are kept raw in the VIB bytes
            }
            OrthogonalVifes.Rule rule = OrthogonalVifes.of(vife, direction);
            boolean extended = false;
            if (rule.effect() == OrthogonalVifes.Effect.EXTENSION) {
                if (!more) {
                    throw new MBusDecodeException(p - 1, "VIFE 7C (extension of combinable VIFE) without the VIFE it announces");
                }
                int second = next(buf, p, end, vifes);
                p++;
                vifes++;
                more = (second & 0x80) != 0;
                rule = OrthogonalVifes.extension(second);
                extended = true;
            }
            switch (rule.effect()) {
                case UNIT_SUFFIX:
                    unit = new Unit(unit.symbol() + rule.unitSuffix());
                    break;
                case DATE_OF:
                    kind = ValueKind.DATE_TIME;
                    unit = Unit.NONE;
                    exponent = 0;
                    quantity = "date (" + quantity + ")";
                    break;
                case DURATION_OF:
                    kind = ValueKind.NUMBER;
                    unit = rule.unit();
                    exponent = 0;
                    quantity = "duration (" + quantity + ")";
                    break;
                case COUNT:
                    kind = ValueKind.NUMBER;
                    unit = Unit.NONE;
                    exponent = 0;
                    quantity = "count (" + quantity + ")";
                    break;
                case EXPONENT:
                    exponent += rule.exponent();
                    break;
                case ADDITIVE: {
                    BigDecimal offsetValue = BigDecimal.ONE.scaleByPowerOfTen(rule.exponent());
                    additive = additive == null ? offsetValue : additive.add(offsetValue);
                    break;
                }
                case MANUFACTURER_SPECIFIC:
                    // the VIFEs after it are the manufacturer's; the data field keeps the coding its DIF
                    // gives and the value the scaling of the standard VIF before it
                    manufacturer = true;
                    break;
                default:
                    break;
            }
            description.append(", ").append(rule.description());
            applied.add(new OrthogonalVife(rule.code(), extended, rule.description()));
        }
        ValueInformation info = new ValueInformation(base.table(), base.code(), description.toString(), quantity, unit,
                exponent, additive, kind, applied);
        return new ValueInformationBlock(offset, p - offset, info);
    }

    private static int next(byte[] buf, int p, int end, int vifes) throws MBusDecodeException {
        if (p >= end) {
            throw new MBusDecodeException(p, "premature end of data: VIFE " + (vifes + 1) + " expected");
        }
        if (vifes == MAX_VIFE) {
            throw new MBusDecodeException(p, "more than " + MAX_VIFE + " VIFEs");
        }
        return buf[p] & 0xFF;
    }
}
