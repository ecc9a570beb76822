package org.metergate.wmbus.link;

import java.util.Objects;
import org.metergate.api.meter.MeterAddress;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;
import org.metergate.wmbus.internal.Addresses;

/**
 * The EN 13757-4 data link layer header: L-field, C-field, M-field (manufacturer) and A-field
 * (identification, version, device type) of the transmitting device.
 *
 * @param format the frame format the telegram was received in
 * @param lField the L-field as received (for format B it counts the CRCs)
 * @param c the C-field
 * @param address the transmitting device: M-field and A-field
 */
public record LinkLayer(FrameFormat format, int lField, CField c, MeterAddress address) {

    /** L, C, M (2), A (6). */
    public static final int LENGTH = 10;

    public LinkLayer {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(address, "address");
    }

    /** Reads the header of a frame without CRCs (see {@link LinkFrames#deframe}). */
    public static LinkLayer read(byte[] frame, FrameFormat format, int lFieldAsReceived) throws WMBusException {
        checkLength(frame);
        return new LinkLayer(format, lFieldAsReceived, cField(frame[1] & 0xFF), Addresses.linkOrder(frame, 2).address());
    }

    /** Throws unless the frame can hold L, C, M, A and a CI-field. */
    public static void checkLength(byte[] frame) throws WMBusException {
        if (frame.length < LENGTH + 1) {
            throw new WMBusException(Kind.TRUNCATED, frame.length, "a wireless M-Bus frame has L, C, M, A and a CI-field: "
                    + frame.length + " bytes are too few");
        }
    }

    private static final CField[] C_FIELDS = new CField[256];

    static {
        for (int i = 0; i < 256; i++) {
            C_FIELDS[i] = new CField(i);
        }
    }

    /** The (shared) C-field of a byte. */
    public static CField cField(int value) {
        return C_FIELDS[value & 0xFF];
    }
}
