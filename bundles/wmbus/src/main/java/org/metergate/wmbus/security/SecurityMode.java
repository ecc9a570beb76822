package org.metergate.wmbus.security;

/**
 * The security modes of the TPL configuration field (EN 13757-7, OMS Vol. 2): which ones exist, and
 * which this codec decrypts ({@link #supported()}).
 */
public enum SecurityMode {
    NONE(0, "no encryption", true),
    MODE_1(1, "DES-CBC, IV 0 (withdrawn)", false),
    MODE_2(2, "DES-CBC with IV (withdrawn)", false),
    MODE_3(3, "reserved (DES)", false),
    MODE_4(4, "reserved (DES)", false),
    MODE_5(5, "AES-128-CBC with persistent key, IV from M, A and access number", true),
    MODE_6(6, "reserved", false),
    MODE_7(7, "AES-128-CBC with ephemeral key (OMS KDF-A), IV 0, AFL CMAC", true),
    MODE_8(8, "AES-128-CTR with CMAC", false),
    MODE_9(9, "AES-128-GCM", false),
    MODE_10(10, "AES-128-CCM", false),
    MODE_11(11, "reserved", false),
    MODE_12(12, "reserved", false),
    MODE_13(13, "TLS (OMS security profile D)", false),
    MODE_14(14, "reserved", false),
    MODE_15(15, "reserved", false),
    MANUFACTURER_SPECIFIC(-1, "manufacturer specific (modes 16 to 31)", false);

    private static final SecurityMode[] BY_CODE = new SecurityMode[32];

    static {
        java.util.Arrays.fill(BY_CODE, MANUFACTURER_SPECIFIC);
        for (SecurityMode m : values()) {
            if (m.code >= 0) {
                BY_CODE[m.code] = m;
            }
        }
    }

    private final int code;
    private final String description;
    private final boolean supported;

    SecurityMode(int code, String description, boolean supported) {
        this.code = code;
        this.description = description;
        this.supported = supported;
    }

    /** The mode for bits 12-8 of the configuration field, 0..31. */
    public static SecurityMode of(int code) {
        return BY_CODE[code & 0x1F];
    }

    /** The mode number; -1 for {@link #MANUFACTURER_SPECIFIC} (the exact number is in {@link SecurityInfo#modeCode()}). */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** True for the modes this codec decrypts (0, 5 and 7). */
    public boolean supported() {
        return supported;
    }
}
