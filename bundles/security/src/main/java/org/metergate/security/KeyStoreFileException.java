package org.metergate.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The key store file cannot be used: missing, locked by another process, not a key store, of an
 * unknown version, or not decryptable. The message names the file and what happened; it never holds
 * key material.
 */
public class KeyStoreFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** There is no store file and the store was opened without creating one. */
        NOT_FOUND,
        /** Another process (or another store object in this process) holds the store's lock. */
        IN_USE,
        /** The file is shorter than the fixed part of the at-rest format. */
        TRUNCATED,
        /** The file does not start with the key store magic, or is far too large to be a key store. */
        NOT_A_KEY_STORE,
        /** The file is a key store of a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** AES-GCM authentication failed: wrong key-encryption key, or the file was modified. */
        UNDECRYPTABLE,
        /** The file authenticates but its content is malformed (written by a broken or foreign writer). */
        CORRUPT
    }

    private final Reason reason;
    private final String file;

    public KeyStoreFileException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public KeyStoreFileException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = String.valueOf(file);
    }

    /** The typed error for a failed AES-GCM authentication, with the message operators see. */
    static KeyStoreFileException undecryptable(Path file, String detail, Throwable cause) {
        return new KeyStoreFileException(Reason.UNDECRYPTABLE, file, "key store " + file
                + " cannot be decrypted: wrong key-encryption key or the file was modified" + detail, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The store file concerned. */
    public Path file() {
        return Path.of(file);
    }
}
