package org.metergate.headend.security.crypto;

import java.util.Locale;

/**
 * Which TLS implementation a context uses. The JDK's (SunJSSE) negotiates only the NIST curves and
 * X25519/X448, so a peer whose certificate sits on a brainpool curve (RFC 7027 for TLS 1.2, RFC 8734
 * for TLS 1.3), common in German and Austrian smart-metering PKIs, needs Bouncy Castle's (BCJSSE).
 */
public enum TlsProvider {
    /** Bouncy Castle when a configured certificate or key is on a curve the JDK cannot negotiate, else the JDK. */
    AUTO,
    /** The JDK's TLS implementation. */
    JDK,
    /** Bouncy Castle's TLS implementation (BCJSSE) on the Bouncy Castle crypto provider. */
    BOUNCY_CASTLE;

    /** {@code auto}, {@code jdk} or {@code bouncycastle} (case ignored); blank means {@link #AUTO}. */
    public static TlsProvider parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "auto" -> AUTO;
            case "jdk" -> JDK;
            case "bouncycastle", "bc", "bcjsse" -> BOUNCY_CASTLE;
            default -> throw new IllegalArgumentException("TLS provider '" + text + "' is not one of auto, jdk, bouncycastle");
        };
    }
}
