package org.metergate.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the way manifests write it. */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256().digest(data));
    }

    /** The digest of what is left in {@code in}, and how many bytes that was. */
    public static Measured measure(InputStream in) throws IOException {
        MessageDigest d = sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            d.update(buffer, 0, n);
            size += n;
        }
        return new Measured(size, HEX.formatHex(d.digest()));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** True for 64 lower-case hex digits. */
    public static boolean isSha256Hex(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }

    /** A stream's length and SHA-256. */
    public record Measured(long size, String sha256) {
    }
}
