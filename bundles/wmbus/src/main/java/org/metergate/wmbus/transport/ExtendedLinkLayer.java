package org.metergate.wmbus.transport;

import org.metergate.api.meter.MeterAddress;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;
import org.metergate.wmbus.internal.Addresses;

/**
 * The extended link layer (ELL) of EN 13757-4, CI 0x8C to 0x8F: communication control and access
 * number; ELL III and IV add the address of the other party (M, A); ELL II and IV add the session
 * number and the CRC of the payload that follows, and may encrypt that payload (CRC included) with
 * AES-128-CTR.
 *
 * @param ci 0x8C, 0x8D, 0x8E or 0x8F
 * @param cc communication control
 * @param accessNumber the ELL access number, 0..255
 * @param address the address in ELL III/IV, else {@code null}
 * @param sessionNumber the session number in ELL II/IV, else {@code null}
 * @param payloadCrc the payload CRC in ELL II/IV as received after decryption, else -1
 */
public record ExtendedLinkLayer(int ci, CommunicationControl cc, int accessNumber, MeterAddress address,
                                SessionNumber sessionNumber, int payloadCrc) {

    /** True for ELL II and IV, which carry a session number and a payload CRC. */
    public static boolean hasSessionNumber(int ci) {
        return ci == 0x8D || ci == 0x8F;
    }

    /** True for ELL III and IV, which carry an address. */
    public static boolean hasAddress(int ci) {
        return ci == 0x8E || ci == 0x8F;
    }

    /** Bytes after the CI-field up to the (possibly encrypted) payload CRC. */
    public static int headerLength(int ci) {
        return 2 + (hasAddress(ci) ? 8 : 0) + (hasSessionNumber(ci) ? 4 : 0);
    }

    /** Offset of the payload CRC (the first encrypted byte) in an ELL starting with its CI at {@code ciOffset}. */
    public static int payloadOffset(int ci, int ciOffset) {
        return ciOffset + 1 + headerLength(ci);
    }

    /** True when the session number says the payload is encrypted with AES-128-CTR. */
    public boolean encrypted() {
        return sessionNumber != null && sessionNumber.encryption() == SessionNumber.AES_CTR;
    }

    /**
     * Reads the ELL header (not the payload CRC) at {@code at}, the CI-field. The payload CRC is read
     * after decryption by the caller ({@link #withPayloadCrc}).
     */
    public static ExtendedLinkLayer readHeader(byte[] f, int at, int end) throws WMBusException {
        int ci = f[at] & 0xFF;
        int need = 1 + headerLength(ci) + (hasSessionNumber(ci) ? 2 : 0);
        if (end - at < need) {
            throw new WMBusException(Kind.TRUNCATED, end, "extended link layer " + CiField.hex(ci) + " needs "
                    + need + " bytes, " + (end - at) + " are left");
        }
        int p = at + 1;
        CommunicationControl cc = new CommunicationControl(f[p] & 0xFF);
        int acc = f[p + 1] & 0xFF;
        p += 2;
        MeterAddress address = null;
        if (hasAddress(ci)) {
            address = Addresses.linkOrder(f, p).address();
            p += 8;
        }
        SessionNumber sn = null;
        if (hasSessionNumber(ci)) {
            long v = (f[p] & 0xFFL) | (f[p + 1] & 0xFFL) << 8 | (f[p + 2] & 0xFFL) << 16 | (f[p + 3] & 0xFFL) << 24;
            sn = new SessionNumber(v);
            int enc = sn.encryption();
            if (enc > SessionNumber.AES_CTR) {
                throw new WMBusException(Kind.UNSUPPORTED, p, "extended link layer encryption " + enc
                        + " is reserved by EN 13757-4 (0 none, 1 AES-128-CTR)");
            }
        }
        return new ExtendedLinkLayer(ci, cc, acc, address, sn, -1);
    }

    public ExtendedLinkLayer withPayloadCrc(int crc) {
        return new ExtendedLinkLayer(ci, cc, accessNumber, address, sessionNumber, crc);
    }
}
