package org.metergate.wmbus.transport;

import java.util.Arrays;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;
import org.metergate.wmbus.link.Crc16;

/**
 * The format of a full frame for OMS compact frames: the data record headers (DRH = DIB + VIB, i.e. DIF,
 * DIFEs, VIF, VIFEs and a plain-text unit) of its data records in order, without their data. Its
 * format signature is the EN 13757-4 CRC over the concatenated headers.
 *
 * <p>To rebuild a full frame from a compact frame's data, each header is followed by as many data
 * bytes as its DIF says (EN 13757-3 data field codes; variable length data carries its length byte).
 *
 * @param headers the concatenated data record headers
 * @param starts start of each header in {@code headers}, plus {@code headers.length} at the end
 */
public record RecordFormat(byte[] headers, int[] starts) {

    /** Data bytes by data field (DIF bits 3-0); -1 variable length (0xD), -2 special function (0xF). */
    private static final int[] DATA_LENGTH = {0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6, -2};
    /** At most 10 DIFEs and 10 VIFEs per record (EN 13757-3). */
    private static final int MAX_EXTENSIONS = 10;

    public int size() {
        return starts.length - 1;
    }

    /** The format signature: CRC over the headers. */
    public int signature() {
        return Crc16.compute(headers, 0, headers.length);
    }

    /** Reads the format of the data records in {@code apl[from..end)}; idle fillers (0x2F) are not records. */
    public static RecordFormat of(byte[] apl, int from, int end) throws WMBusException {
        byte[] headers = new byte[Math.max(16, end - from)];
        int[] starts = new int[16];
        int n = 0;
        int h = 0;
        int p = from;
        while (p < end) {
            int dif = apl[p] & 0xFF;
            if (dif == 0x2F) {
                p++;
                continue;
            }
            int start = p;
            int dataLength;
            if ((dif & 0x0F) == 0x0F) {
                if (dif == 0x0F || dif == 0x1F) {
                    p++;
                    dataLength = end - p; // manufacturer data up to the end
                } else if (dif == 0x7F) {
                    p++;
                    dataLength = 0; // global readout request
                } else {
                    throw new WMBusException(Kind.APPLICATION_LAYER, p, "DIF 0x" + Integer.toHexString(dif)
                            + " is a reserved special function (EN 13757-3)");
                }
            } else {
                p = headerEnd(apl, p, end);
                dataLength = dataLength(dif, apl, p, end);
            }
            if (n + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[n++] = h;
            System.arraycopy(apl, start, headers, h, p - start);
            h += p - start;
            if (p + dataLength > end) {
                throw new WMBusException(Kind.APPLICATION_LAYER, p, "the data of the record at byte " + start
                        + " needs " + dataLength + " bytes, " + (end - p) + " are left");
            }
            p += dataLength;
        }
        starts[n] = h;
        return new RecordFormat(Arrays.copyOf(headers, h), Arrays.copyOf(starts, n + 1));
    }

    /** The end of the DRH (DIF, DIFEs, VIF, VIFEs, plain-text unit) that starts at {@code p}. */
    private static int headerEnd(byte[] b, int p, int end) throws WMBusException {
        int start = p;
        int dif = b[p++] & 0xFF;
        boolean more = (dif & 0x80) != 0;
        for (int i = 0; more; i++) {
            if (i == MAX_EXTENSIONS) {
                throw new WMBusException(Kind.APPLICATION_LAYER, p, "more than 10 DIFEs");
            }
            if (p >= end) {
                throw new WMBusException(Kind.APPLICATION_LAYER, end, "the record at byte " + start + " ends inside its DIFEs");
            }
            more = (b[p++] & 0x80) != 0;
        }
        if (p >= end) {
            throw new WMBusException(Kind.APPLICATION_LAYER, end, "the record at byte " + start + " has no VIF");
        }
        int vif = b[p++] & 0xFF;
        more = (vif & 0x80) != 0;
        for (int i = 0; more; i++) {
            if (i == MAX_EXTENSIONS) {
                throw new WMBusException(Kind.APPLICATION_LAYER, p, "more than 10 VIFEs");
            }
            if (p >= end) {
                throw new WMBusException(Kind.APPLICATION_LAYER, end, "the record at byte " + start + " ends inside its VIFEs");
            }
            more = (b[p++] & 0x80) != 0;
        }
        if ((vif & 0x7F) == 0x7C) { // plain-text VIF: length and ASCII unit belong to the VIB
            if (p >= end) {
                throw new WMBusException(Kind.APPLICATION_LAYER, end, "plain-text VIF without its length");
            }
            int textLength = b[p++] & 0xFF;
            if (p + textLength > end) {
                throw new WMBusException(Kind.APPLICATION_LAYER, end, "plain-text unit runs past the end");
            }
            p += textLength;
        }
        return p;
    }

    /** Data bytes that follow a DRH with this DIF when the data start at {@code p} (variable length reads its length byte). */
    static int dataLength(int dif, byte[] b, int p, int end) throws WMBusException {
        int length = DATA_LENGTH[dif & 0x0F];
        if (length != -1) {
            return length;
        }
        if (p >= end) {
            throw new WMBusException(Kind.APPLICATION_LAYER, end, "variable length data without its length byte");
        }
        int lvar = b[p] & 0xFF;
        int n;
        if (lvar <= 0xBF) {
            n = lvar; // ASCII text
        } else if (lvar >= 0xC0 && lvar <= 0xC9) {
            n = lvar - 0xC0; // positive BCD
        } else if (lvar >= 0xD0 && lvar <= 0xD9) {
            n = lvar - 0xD0; // negative BCD
        } else if (lvar >= 0xE0 && lvar <= 0xEF) {
            n = lvar - 0xE0; // binary number
        } else if (lvar >= 0xF0 && lvar <= 0xF4) {
            n = 4 * (lvar - 0xEC); // binary number, 16 to 32 bytes
        } else if (lvar == 0xF5) {
            n = 48;
        } else if (lvar == 0xF6) {
            n = 64;
        } else {
            throw new WMBusException(Kind.APPLICATION_LAYER, p, "LVAR 0x" + Integer.toHexString(lvar)
                    + " is reserved (EN 13757-3)");
        }
        return 1 + n;
    }

    /**
     * Rebuilds the records of a full frame from a compact frame's data {@code data[from..end)}: each
     * header of this format followed by its data.
     */
    public byte[] rebuild(byte[] data, int from, int end) throws WMBusException {
        byte[] out = new byte[headers.length + (end - from)];
        int o = 0;
        int p = from;
        for (int i = 0; i < size(); i++) {
            int hs = starts[i];
            int hl = starts[i + 1] - hs;
            System.arraycopy(headers, hs, out, o, hl);
            o += hl;
            int dif = headers[hs] & 0xFF;
            int length;
            if (dif == 0x0F || dif == 0x1F) {
                length = end - p;
            } else if (dif == 0x7F) {
                length = 0;
            } else {
                length = dataLength(dif, data, p, end);
            }
            if (p + length > end) {
                throw new WMBusException(Kind.COMPACT_FRAME_CRC_ERROR, p, "compact frame data end inside record "
                        + (i + 1) + " of " + size() + " of the full frame's format");
            }
            System.arraycopy(data, p, out, o, length);
            o += length;
            p += length;
        }
        if (p != end) {
            throw new WMBusException(Kind.COMPACT_FRAME_CRC_ERROR, p, (end - p)
                    + " compact frame data bytes are left after the last record of the full frame's format");
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordFormat r && Arrays.equals(headers, r.headers) && Arrays.equals(starts, r.starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(headers);
    }

    @Override
    public String toString() {
        return "RecordFormat[" + size() + " records, signature 0x" + Integer.toHexString(signature()) + "]";
    }
}
