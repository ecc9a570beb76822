package org.metergate.wmbus.internal;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;

/**
 * AES for the codec: CBC and CTR from the JDK (hardware accelerated), CMAC from Bouncy Castle's
 * lightweight API (no JCA provider to register in OSGi). One set of cipher objects per thread: a
 * decoder is shared by the pipeline's threads and building ciphers per telegram would dominate.
 *
 * <p>Decryption keeps, per thread, the ciphers of the last {@value #CACHED_METERS} meters: a JDK AES
 * cipher re-initialised with the key it already holds skips the key schedule (about 0.1 us instead of
 * 1 us), and a gateway hears the same meters again and again, interleaved.
 */
public final class Crypto {

    public static final int BLOCK = 16;

    private static final ThreadLocal<Crypto> PER_THREAD = ThreadLocal.withInitial(Crypto::new);
    /** Meters whose ciphers a thread keeps. */
    static final int CACHED_METERS = 512;

    /** A meter's key and the ciphers initialised with it. */
    private static final class MeterCiphers {
        final MeterKey key;
        final SecretKeySpec spec;
        Cipher cbc;
        Cipher ctr;

        MeterCiphers(MeterKey key) {
            this.key = key;
            this.spec = new SecretKeySpec(key.bytes(), "AES");
        }
    }

    private final Map<MeterId, MeterCiphers> meters = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<MeterId, MeterCiphers> eldest) {
            return size() > CACHED_METERS;
        }
    };

    private final Cipher cbc;
    private final Cipher ctr;
    private final CMac cmac = new CMac(AESEngine.newInstance());
    private final byte[] macOut = new byte[BLOCK];
    /** The key last used, by identity, and its JCA form (key stores hand out the same instance). */
    private MeterKey lastKey;
    private SecretKeySpec lastSpec;
    private byte[] lastBytes;

    private Crypto() {
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CBC or AES/CTR", e);
        }
    }

    /** This thread's instance. */
    public static Crypto get() {
        return PER_THREAD.get();
    }

    private void use(MeterKey key) {
        if (key != lastKey) {
            lastBytes = key.bytes();
            lastSpec = new SecretKeySpec(lastBytes, "AES");
            lastKey = key;
        }
    }

    /** Raw key bytes of {@code key} (owned by this cache: do not change or keep). */
    public byte[] raw(MeterKey key) {
        use(key);
        return lastBytes;
    }

    /** AES-128-CBC without padding over {@code length} bytes (a multiple of 16) in place. */
    public void cbc(boolean encrypt, MeterKey key, byte[] iv, byte[] data, int offset, int length) {
        use(key);
        cbc(encrypt, lastSpec, iv, data, offset, length);
    }

    /** AES-128-CBC decryption in place with the key of {@code meter}, reusing this thread's cipher for that meter. */
    public void cbcDecrypt(MeterId meter, MeterKey key, byte[] iv, byte[] data, int offset, int length) {
        MeterCiphers c = ciphers(meter, key);
        try {
            if (c.cbc == null) {
                c.cbc = Cipher.getInstance("AES/CBC/NoPadding");
            }
            c.cbc.init(Cipher.DECRYPT_MODE, c.spec, new IvParameterSpec(iv));
            c.cbc.doFinal(data, offset, length, data, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a block-aligned input", e);
        }
    }

    /** AES-128-CTR (see {@link #ctr(MeterKey, byte[], byte[], int, int, byte[], int)}) with the key of {@code meter}. */
    public void ctr(MeterId meter, MeterKey key, byte[] iv, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        MeterCiphers c = ciphers(meter, key);
        try {
            if (c.ctr == null) {
                c.ctr = Cipher.getInstance("AES/CTR/NoPadding");
            }
            c.ctr.init(Cipher.ENCRYPT_MODE, c.spec, new IvParameterSpec(iv));
            c.ctr.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    private MeterCiphers ciphers(MeterId meter, MeterKey key) {
        MeterCiphers c = meters.get(meter);
        if (c == null || (c.key != key && !c.key.equals(key))) { // a changed key replaces the meter's ciphers
            c = new MeterCiphers(key);
            meters.put(meter, c);
        }
        return c;
    }

    /** AES-128-CBC with a raw (derived) key. */
    public void cbc(boolean encrypt, byte[] rawKey, byte[] iv, byte[] data, int offset, int length) {
        cbc(encrypt, new SecretKeySpec(rawKey, "AES"), iv, data, offset, length);
    }

    private void cbc(boolean encrypt, SecretKeySpec spec, byte[] iv, byte[] data, int offset, int length) {
        try {
            cbc.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, spec, new IvParameterSpec(iv));
            cbc.doFinal(data, offset, length, data, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a block-aligned input", e);
        }
    }

    /**
     * AES-128-CTR from {@code in[inOffset..+length)} to {@code out[outOffset..]}: the counter block is
     * {@code iv}, incremented as a 128-bit big-endian number per block (EN 13757-4: its last byte is the
     * block counter BC).
     */
    public void ctr(MeterKey key, byte[] iv, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        use(key);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, lastSpec, new IvParameterSpec(iv));
            ctr.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    /** AES-CMAC (NIST SP 800-38B, RFC 4493) of {@code data[offset..+length)} with a raw key; the full 16-byte tag. */
    public byte[] cmac(byte[] rawKey, byte[] data, int offset, int length) {
        cmac.init(new KeyParameter(rawKey));
        cmac.update(data, offset, length);
        return finish();
    }

    /** The tag, leaving no copy behind (a CMAC of the KDF is a key). */
    private byte[] finish() {
        cmac.doFinal(macOut, 0);
        byte[] out = macOut.clone();
        java.util.Arrays.fill(macOut, (byte) 0);
        return out;
    }

    /** AES-CMAC of {@code a[aOffset..+aLength)} followed by {@code b[bOffset..+bLength)}, with a raw key. */
    public byte[] cmac(byte[] rawKey, byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        cmac.init(new KeyParameter(rawKey));
        cmac.update(a, aOffset, aLength);
        cmac.update(b, bOffset, bLength);
        return finish();
    }

    /** AES-CMAC with a meter key. */
    public byte[] cmac(MeterKey key, byte[] data, int offset, int length) {
        use(key);
        return cmac(lastBytes, data, offset, length);
    }
}
