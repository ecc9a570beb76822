package org.metergate.security;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.metergate.api.meter.ManufacturerCode;
import org.metergate.api.meter.MeterId;
import org.metergate.api.security.MeterKey;
import org.metergate.security.KeyStoreFileException.Reason;

/**
 * The at-rest format of the key store (version 1, specified in the package documentation): an 8-byte
 * header (magic {@code MGKEYS}, version), a random 96-bit nonce, and the AES-GCM encryption of the
 * binary payload under the key-encryption key, with the header as associated data and a 128-bit tag.
 */
final class KeyStoreFile {

    static final byte[] MAGIC = {'M', 'G', 'K', 'E', 'Y', 'S'};
    static final int VERSION = 1;
    static final int HEADER_LENGTH = MAGIC.length + 2;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    /** Far above any real store (22 bytes per meter): a bigger file is refused before it is read. */
    static final long MAX_FILE_SIZE = 64L << 20;

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int FLAG_DEFAULT_KEY = 0x01;
    private static final int ENTRY_LENGTH = 2 + 4 + MeterKey.LENGTH;

    private KeyStoreFile() {
    }

    static byte[] header() {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
        header[MAGIC.length] = (byte) (VERSION >> 8);
        header[MAGIC.length + 1] = (byte) VERSION;
        return header;
    }

    /** The complete file content for these keys, under a fresh random nonce. */
    static byte[] seal(MeterKeys keys, KeyEncryptionKey kek, SecureRandom random) throws IOException {
        byte[] header = header();
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] payload = payload(keys);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, kek.secretKey(), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(header);
            byte[] file = new byte[HEADER_LENGTH + NONCE_LENGTH + cipher.getOutputSize(payload.length)];
            System.arraycopy(header, 0, file, 0, HEADER_LENGTH);
            System.arraycopy(nonce, 0, file, HEADER_LENGTH, NONCE_LENGTH);
            cipher.doFinal(payload, 0, payload.length, file, HEADER_LENGTH + NONCE_LENGTH); // GCM: payload + tag, exactly
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the key store: the JDK refused " + CIPHER + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** The keys in a file's content; typed errors for every way the content can be unusable. */
    static MeterKeys open(byte[] file, KeyEncryptionKey kek, Path path) throws KeyStoreFileException {
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeyStoreFileException(file.length < MAGIC.length ? Reason.TRUNCATED : Reason.NOT_A_KEY_STORE, path,
                    path + " is not a Metergate key store: it does not start with the key store header ("
                            + file.length + " bytes)");
        }
        if (file.length < HEADER_LENGTH) {
            throw new KeyStoreFileException(Reason.TRUNCATED, path, "key store " + path + " is truncated: "
                    + file.length + " bytes, shorter than its header");
        }
        int version = (file[MAGIC.length] & 0xFF) << 8 | file[MAGIC.length + 1] & 0xFF;
        if (version != VERSION) {
            throw new KeyStoreFileException(Reason.UNSUPPORTED_VERSION, path, "key store " + path + " has format version "
                    + version + "; this gateway reads version " + VERSION);
        }
        if (file.length < HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH) {
            throw new KeyStoreFileException(Reason.TRUNCATED, path, "key store " + path + " is truncated: "
                    + file.length + " bytes, shorter than header, nonce and authentication tag");
        }
        byte[] payload;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, kek.secretKey(),
                    new GCMParameterSpec(TAG_LENGTH * 8, file, HEADER_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(file, 0, HEADER_LENGTH);
            payload = cipher.doFinal(file, HEADER_LENGTH + NONCE_LENGTH, file.length - HEADER_LENGTH - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw KeyStoreFileException.undecryptable(path, "", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFileException(Reason.UNDECRYPTABLE, path, "key store " + path
                    + " cannot be decrypted: the JDK refused " + CIPHER + ": " + e.getMessage(), e);
        }
        try {
            return parsePayload(payload, path);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /**
     * Payload version 1: flags (bit 0: a default key follows), the default key, the number of meter
     * entries (u32), then per meter its manufacturer field (u16), identification (4 bytes, the 8 hex
     * digits) and key; big-endian, meters in ascending order.
     */
    static byte[] payload(MeterKeys keys) {
        Optional<MeterKey> defaultKey = keys.defaultKey();
        ByteBuffer out = ByteBuffer.allocate(1 + (defaultKey.isPresent() ? MeterKey.LENGTH : 0) + 4 + keys.size() * ENTRY_LENGTH);
        out.put((byte) (defaultKey.isPresent() ? FLAG_DEFAULT_KEY : 0));
        if (defaultKey.isPresent()) {
            putKey(out, defaultKey.get());
        }
        out.putInt(keys.size());
        for (MeterId meter : keys.meters()) {
            out.putShort((short) meter.manufacturer().id());
            String ident = meter.identification();
            for (int i = 0; i < 8; i += 2) {
                out.put((byte) Integer.parseInt(ident, i, i + 2, 16));
            }
            putKey(out, keys.ownKey(meter).orElseThrow());
        }
        return out.array();
    }

    private static void putKey(ByteBuffer out, MeterKey key) {
        byte[] bytes = key.bytes();
        out.put(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    private static MeterKeys parsePayload(byte[] payload, Path path) throws KeyStoreFileException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte[] key = new byte[MeterKey.LENGTH];
        try {
            int flags = in.get() & 0xFF;
            if ((flags & ~FLAG_DEFAULT_KEY) != 0) {
                throw corrupt(path, "unknown flags 0x" + Integer.toHexString(flags));
            }
            MeterKey defaultKey = null;
            if ((flags & FLAG_DEFAULT_KEY) != 0) {
                in.get(key);
                defaultKey = MeterKey.of(key);
            }
            long count = in.getInt() & 0xFFFFFFFFL;
            if (count * ENTRY_LENGTH != in.remaining()) {
                throw corrupt(path, count + " meter entries announced, " + in.remaining() + " bytes follow");
            }
            Map<MeterId, MeterKey> keys = new HashMap<>((int) count * 2);
            MeterId previous = null;
            for (long i = 0; i < count; i++) {
                ManufacturerCode manufacturer = new ManufacturerCode(in.getShort() & 0xFFFF);
                String ident = String.format("%08X", in.getInt() & 0xFFFFFFFFL);
                MeterId meter = new MeterId(manufacturer, ident);
                if (previous != null && previous.compareTo(meter) >= 0) {
                    throw corrupt(path, "entry " + i + " (meter " + meter + ") is out of order or repeated");
                }
                in.get(key);
                keys.put(meter, MeterKey.of(key));
                previous = meter;
            }
            return MeterKeys.of(keys, Optional.ofNullable(defaultKey));
        } catch (BufferUnderflowException e) {
            throw corrupt(path, "the payload ends early");
        } catch (IllegalArgumentException e) {
            throw corrupt(path, e.getMessage()); // from MeterKeys: meter ids only, never keys
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static KeyStoreFileException corrupt(Path path, String detail) {
        return new KeyStoreFileException(Reason.CORRUPT, path, "key store " + path
                + " decrypts but its content is malformed: " + detail);
    }
}
