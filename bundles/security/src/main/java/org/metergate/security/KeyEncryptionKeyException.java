package org.metergate.security;

import java.io.IOException;

/**
 * The key-encryption key is not configured, cannot be read, or is not a valid AES-128/AES-256 key in
 * hex or base64. The message says where the key was looked for; it never holds any of its characters.
 */
public class KeyEncryptionKeyException extends IOException {

    private static final long serialVersionUID = 1L;

    public KeyEncryptionKeyException(String message) {
        super(message);
    }

    public KeyEncryptionKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
