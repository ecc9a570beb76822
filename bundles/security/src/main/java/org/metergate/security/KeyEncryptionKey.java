package org.metergate.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption key (KEK) under which the key store is encrypted at rest: an AES-128 or AES-256
 * key, written as 32 or 64 hex digits or as base64 (standard or URL-safe alphabet, padding optional)
 * of 16 or 32 bytes, with surrounding whitespace ignored. It comes from a file or an environment
 * variable; errors say where it was looked for, never what was found there. Its text form names the
 * source and the key size only.
 */
public final class KeyEncryptionKey implements Destroyable {

    /** A KEK file larger than this is not a KEK file. */
    static final int MAX_FILE_SIZE = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(KeyEncryptionKey.class);
    private static final Set<PosixFilePermission> OTHERS_READ =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final byte[] key;
    private final String source;
    private volatile boolean destroyed;

    private KeyEncryptionKey(byte[] key, String source) {
        this.key = key;
        this.source = source;
    }

    /** Reads the KEK from a file that holds only the key (a trailing newline is fine). */
    public static KeyEncryptionKey fromFile(Path file) throws KeyEncryptionKeyException {
        String source = "key-encryption key file " + file;
        byte[] content = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new KeyEncryptionKeyException(source + " does not exist or is not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new KeyEncryptionKeyException(source + " has " + size
                        + " bytes; it must hold a single hex or base64 key of 16 or 32 bytes");
            }
            content = Files.readAllBytes(file);
            warnIfOthersMayRead(file);
            return parse(content, source);
        } catch (KeyEncryptionKeyException e) {
            throw e;
        } catch (IOException e) {
            throw new KeyEncryptionKeyException(source + " cannot be read: " + e, e);
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    /** Reads the KEK from the environment variable {@code name} of {@code environment}. */
    public static KeyEncryptionKey fromEnvironment(String name, Map<String, String> environment)
            throws KeyEncryptionKeyException {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new KeyEncryptionKeyException("environment variable " + name + " is not set");
        }
        byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
        try {
            return parse(ascii, "environment variable " + name);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    /** Parses a KEK written as text in ASCII; {@code source} says where it came from, for messages. */
    public static KeyEncryptionKey parse(byte[] text, String source) throws KeyEncryptionKeyException {
        int from = 0;
        int to = text.length;
        while (from < to && isSpace(text[from])) {
            from++;
        }
        while (to > from && isSpace(text[to - 1])) {
            to--;
        }
        int length = to - from;
        if (length == 0) {
            throw new KeyEncryptionKeyException(source + " is empty");
        }
        String expected = source + ": expected 32 or 64 hex digits, or base64 of 16 or 32 bytes (AES-128 or AES-256)";
        boolean hex = length == 32 || length == 64;
        boolean urlSafe = false;
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (isSpace(c)) {
                throw new KeyEncryptionKeyException(expected + "; found more than one word");
            }
            hex &= MeterKeyText.isHexDigit((char) c);
            urlSafe |= c == '-' || c == '_';
        }
        if (hex) {
            byte[] key = new byte[length / 2];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (Character.digit(text[from + 2 * i], 16) << 4 | Character.digit(text[from + 2 * i + 1], 16));
            }
            return new KeyEncryptionKey(key, source);
        }
        byte[] encoded = Arrays.copyOfRange(text, from, to);
        byte[] key;
        try {
            key = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(encoded);
        } catch (IllegalArgumentException e) {
            // not chained: the decoder's message names the offending character
            throw new KeyEncryptionKeyException(expected + "; found " + length + " characters that are neither");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        if (key.length != 16 && key.length != 32) {
            Arrays.fill(key, (byte) 0);
            throw new KeyEncryptionKeyException(expected + "; found base64 of " + key.length + " bytes");
        }
        return new KeyEncryptionKey(key, source);
    }

    /** A new random KEK of 128 or 256 bits. */
    public static KeyEncryptionKey generate(int bits, SecureRandom random) {
        if (bits != 128 && bits != 256) {
            throw new IllegalArgumentException("a key-encryption key has 128 or 256 bits, not " + bits);
        }
        byte[] key = new byte[bits / 8];
        random.nextBytes(key);
        return new KeyEncryptionKey(key, "generated");
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static void warnIfOthersMayRead(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS_READ::contains)) {
                LOG.warn("key-encryption key file {} can be read by other users than its owner; restrict it (chmod 400)", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot read the permissions of {}: {}", file, e.toString());
        }
    }

    /** 128 or 256. */
    public int bits() {
        return key.length * 8;
    }

    /** Where the key came from, e.g. {@code environment variable METERGATE_KEK}. */
    public String source() {
        return source;
    }

    /** The key for the JCA cipher; package-private so no other code can take the KEK out. */
    SecretKey secretKey() {
        if (destroyed) {
            throw new IllegalStateException("the key-encryption key from " + source + " was destroyed");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** Overwrites the key bytes; the key cannot be used afterwards. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[AES-" + bits() + ", " + source + (destroyed ? ", destroyed" : "") + "]";
    }
}
