package org.metergate.mbus.record;

import org.metergate.api.reading.FunctionField;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/**
 * The data information block of EN 13757-3: the DIF (data field bits 0-3, function field bits 4-5,
 * storage number LSB bit 6, extension bit 7) and up to ten DIFEs (storage number bits 0-3, tariff
 * bits 4-5, subunit bit 6, extension bit 7). Storage number, tariff and subunit collect their bits
 * from the DIF upward, least significant first.
 *
 * @param offset absolute offset of the DIF
 * @param length bytes of DIF and DIFEs
 * @param dif the DIF byte
 * @param dataField the coding of the data (or the special function)
 * @param function the function field
 * @param storage the storage number (0 to 2^41 - 1)
 * @param tariff the tariff (0 to 2^20 - 1)
 * @param subunit the subunit (0 to 2^10 - 1)
 */
public record DataInformationBlock(int offset, int length, int dif, DataField dataField, FunctionField function,
                                   long storage, int tariff, int subunit) {

    /** EN 13757-3: a DIF is followed by at most ten DIFEs. */
    public static final int MAX_DIFE = 10;

    private static final FunctionField[] FUNCTIONS = FunctionField.values();

    /** True when the DIB starting with this DIF is a special function without VIB (0x0F, 0x1F, 0x2F, 0x7F). */
    public boolean isSpecialFunction() {
        return (dif & 0x0F) == 0x0F;
    }

    /**
     * Decodes the DIB at {@code buf[offset]}, reading no further than {@code end}.
     *
     * @throws MBusDecodeException for a DIB cut short, more than ten DIFEs, or a reserved special function DIF
     */
    public static DataInformationBlock decode(byte[] buf, int offset, int end) throws MBusDecodeException {
        if (offset >= end) {
            throw new MBusDecodeException(offset, "premature end of data: DIF expected");
        }
        int dif = buf[offset] & 0xFF;
        if ((dif & 0x0F) == 0x0F) {
            DataField special;
            switch (dif) {
                case 0x0F:
                    special = DataField.MANUFACTURER_DATA;
                    break;
                case 0x1F:
                    special = DataField.MORE_RECORDS_FOLLOW;
                    break;
                case 0x2F:
                    special = DataField.IDLE_FILLER;
                    break;
                case 0x7F:
                    special = DataField.GLOBAL_READOUT;
                    break;
                default:
                    throw new MBusDecodeException(offset, "DIF " + Hex.byteHex(dif) + " is a reserved special function");
            }
            return new DataInformationBlock(offset, 1, dif, special, FunctionField.INSTANTANEOUS, 0, 0, 0);
        }
        long storage = (dif >> 6) & 1;
        int tariff = 0;
        int subunit = 0;
        int p = offset + 1;
        int extension = dif & 0x80;
        int n = 0;
        while (extension != 0) {
            if (p >= end) {
                throw new MBusDecodeException(p, "premature end of data: DIFE " + (n + 1) + " expected after "
                        + Hex.byteHex(buf[p - 1] & 0xFF));
            }
            if (n == MAX_DIFE) {
                throw new MBusDecodeException(p, "more than " + MAX_DIFE + " DIFEs");
            }
            int dife = buf[p++] & 0xFF;
            storage |= (long) (dife & 0x0F) << (1 + 4 * n);
            tariff |= ((dife >> 4) & 0x03) << (2 * n);
            subunit |= ((dife >> 6) & 0x01) << n;
            extension = dife & 0x80;
            n++;
        }
        return new DataInformationBlock(offset, p - offset, dif, DataField.ofCode(dif), FUNCTIONS[(dif >> 4) & 3],
                storage, tariff, subunit);
    }
}
