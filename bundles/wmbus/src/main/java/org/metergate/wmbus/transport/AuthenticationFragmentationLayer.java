package org.metergate.wmbus.transport;

import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;

/**
 * The authentication and fragmentation layer (AFL) of EN 13757-7, CI 0x90: AFLL (its length), the
 * fragmentation control FCL and, as FCL says, the message control MCL, key information KI, message
 * counter MCR, MAC and message length ML - in that order.
 *
 * <p>FCL bits: 14 MF (more fragments), 13 MCLP, 12 MLP, 11 MCRP, 10 MACP, 9 KIP, 7-0 fragment id.
 * MCL bits: 6 MLMP (message length in MAC), 5 MCMP (message counter in MAC), 4 KIMP (key information
 * in MAC), 3-0 AT (authentication type, which gives the MAC length).
 *
 * @param length AFLL: the bytes after it
 * @param fcl fragmentation control, 16 bits
 * @param mcl message control, or -1 when absent
 * @param keyInfo key information, or -1 when absent
 * @param messageCounter MCR, 0..2^32-1, or -1 when absent
 * @param mac the MAC as received, empty when absent
 * @param messageLength ML, or -1 when absent
 */
public record AuthenticationFragmentationLayer(int length, int fcl, int mcl, int keyInfo, long messageCounter,
                                               byte[] mac, int messageLength) {

    /** MAC length in bytes by authentication type AT (EN 13757-7); -1 reserved. */
    private static final int[] MAC_LENGTH = {0, -1, -1, 2, 4, 8, 12, 16, 12, -1, -1, -1, -1, -1, -1, -1};

    public AuthenticationFragmentationLayer {
        mac = mac == null ? new byte[0] : mac;
    }

    public int fragmentId() {
        return fcl & 0xFF;
    }

    public boolean moreFragments() {
        return (fcl & 0x4000) != 0;
    }

    public boolean hasMessageCounter() {
        return messageCounter >= 0;
    }

    public boolean hasMac() {
        return mac.length > 0;
    }

    /** AT: the authentication type of MCL (5 = AES-CMAC-128 truncated to 8 bytes); -1 without MCL. */
    public int authenticationType() {
        return mcl < 0 ? -1 : mcl & 0x0F;
    }

    /** The MAC length of an authentication type; -1 when EN 13757-7 reserves it. */
    public static int macLength(int authenticationType) {
        return MAC_LENGTH[authenticationType & 0x0F];
    }

    /** A copy of the MAC. */
    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * True when the received MAC equals the first bytes of {@code computed} (the full CMAC); compares in
     * constant time.
     */
    public boolean macMatches(byte[] computed) {
        if (computed.length < mac.length || mac.length == 0) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < mac.length; i++) {
            diff |= computed[i] ^ mac[i];
        }
        return diff == 0;
    }

    /** Reads the AFL at {@code at} (its CI-field); returns it, its end is {@code at + 2 + length()}. */
    public static AuthenticationFragmentationLayer read(byte[] f, int at, int end) throws WMBusException {
        if (end - at < 4) {
            throw new WMBusException(Kind.TRUNCATED, end, "the AFL needs CI, AFLL and FCL");
        }
        int afll = f[at + 1] & 0xFF;
        int stop = at + 2 + afll;
        if (stop > end) {
            throw new WMBusException(Kind.TRUNCATED, end, "AFLL " + afll + " runs past the end of the frame");
        }
        if (afll < 2) {
            throw new WMBusException(Kind.MALFORMED, at + 1, "AFLL " + afll + " cannot hold the fragmentation control");
        }
        int p = at + 2;
        int fcl = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8;
        p += 2;
        int mcl = -1;
        if ((fcl & 0x2000) != 0) {
            p = need(p, 1, stop, "message control");
            mcl = f[p - 1] & 0xFF;
        }
        int ki = -1;
        if ((fcl & 0x0200) != 0) {
            p = need(p, 2, stop, "key information");
            ki = (f[p - 2] & 0xFF) | (f[p - 1] & 0xFF) << 8;
        }
        long mcr = -1;
        if ((fcl & 0x0800) != 0) {
            p = need(p, 4, stop, "message counter");
            mcr = (f[p - 4] & 0xFFL) | (f[p - 3] & 0xFFL) << 8 | (f[p - 2] & 0xFFL) << 16 | (f[p - 1] & 0xFFL) << 24;
        }
        byte[] mac = null;
        if ((fcl & 0x0400) != 0) {
            if (mcl < 0) {
                throw new WMBusException(Kind.MALFORMED, at + 2, "the AFL has a MAC but no message control to give its type");
            }
            int macLength = macLength(mcl);
            if (macLength <= 0) {
                throw new WMBusException(Kind.UNSUPPORTED, at + 4, "AFL authentication type " + (mcl & 0x0F)
                        + " is reserved or gives no MAC, but the fragmentation control announces a MAC");
            }
            p = need(p, macLength, stop, "MAC");
            mac = new byte[macLength];
            System.arraycopy(f, p - macLength, mac, 0, macLength);
        }
        int ml = -1;
        if ((fcl & 0x1000) != 0) {
            p = need(p, 2, stop, "message length");
            ml = (f[p - 2] & 0xFF) | (f[p - 1] & 0xFF) << 8;
        }
        if (p != stop) {
            throw new WMBusException(Kind.MALFORMED, at + 1, "AFLL " + afll + " but the fields present take "
                    + (p - at - 2) + " bytes");
        }
        return new AuthenticationFragmentationLayer(afll, fcl, mcl, ki, mcr, mac, ml);
    }

    private static int need(int p, int n, int stop, String field) throws WMBusException {
        if (p + n > stop) {
            throw new WMBusException(Kind.MALFORMED, p, "the AFL " + field + " does not fit in its AFLL");
        }
        return p + n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationFragmentationLayer a && length == a.length && fcl == a.fcl && mcl == a.mcl
                && keyInfo == a.keyInfo && messageCounter == a.messageCounter && messageLength == a.messageLength
                && java.util.Arrays.equals(mac, a.mac);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(length, fcl, mcl, keyInfo, messageCounter, messageLength) * 31 + java.util.Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "AuthenticationFragmentationLayer[length=" + length + ", fcl=0x" + Integer.toHexString(fcl)
                + ", mcl=" + (mcl < 0 ? "-" : "0x" + Integer.toHexString(mcl)) + ", messageCounter=" + messageCounter
                + ", mac=" + java.util.HexFormat.of().withUpperCase().formatHex(mac) + ", messageLength=" + messageLength + "]";
    }
}
