package org.metergate.wmbus.security;

import org.metergate.api.security.MeterKey;
import org.metergate.wmbus.internal.Crypto;

/**
 * The key derivation function A of OMS Vol. 2 (security mode 7, KDF selection 1): an ephemeral key is
 * the AES-CMAC, under the meter's key, of one block {@code D || C || ID || 07 07 07 07 07 07 07} where D is
 * the derivation constant, C the AFL message counter (4 bytes, little-endian as in the AFL) and ID the
 * meter's identification (4 bytes as in the A-field).
 */
public final class OmsKeyDerivation {

    /** D for the encryption key of messages from the meter (Kenc). */
    public static final int ENCRYPTION_FROM_METER = 0x00;
    /** D for the MAC key of messages from the meter (Kmac). */
    public static final int MAC_FROM_METER = 0x01;
    /** D for the encryption key of messages to the meter (Lenc). */
    public static final int ENCRYPTION_TO_METER = 0x10;
    /** D for the MAC key of messages to the meter (Lmac). */
    public static final int MAC_TO_METER = 0x11;

    private OmsKeyDerivation() {
    }

    /** The 16-byte KDF input block. */
    public static byte[] input(int derivationConstant, long messageCounter, byte[] identification, int identificationOffset) {
        byte[] block = new byte[16];
        block[0] = (byte) derivationConstant;
        for (int i = 0; i < 4; i++) {
            block[1 + i] = (byte) (messageCounter >>> (8 * i));
        }
        System.arraycopy(identification, identificationOffset, block, 5, 4);
        for (int i = 9; i < 16; i++) {
            block[i] = 0x07;
        }
        return block;
    }

    /**
     * The ephemeral key for {@code derivationConstant}. The result is key material: callers keep it no
     * longer than the telegram it serves and never show it.
     */
    public static byte[] derive(MeterKey meterKey, int derivationConstant, long messageCounter,
                                byte[] identification, int identificationOffset) {
        byte[] in = input(derivationConstant, messageCounter, identification, identificationOffset);
        return Crypto.get().cmac(meterKey, in, 0, in.length);
    }
}
