package org.metergate.wmbus.link;

/**
 * The function of a wireless M-Bus frame, from its C-field (EN 13757-4, "C-field" table): the
 * function code in bits 0-3 together with the PRM bit (bit 6, set in frames from the primary station,
 * i.e. the station that initiates the exchange).
 */
public enum LinkFunction {
    SND_NKE("link reset after communication"),
    SND_UD("send user data (command), FCB toggled"),
    SND_UD2("send user data (command), no FCB"),
    SND_NR("send spontaneous or periodic data, no reply expected"),
    SND_IR("send installation request, CNF_IR expected"),
    ACC_NR("access: no data, no reply expected"),
    ACC_DMD("access demand"),
    REQ_UD1("request user data class 1 (alarm)"),
    REQ_UD2("request user data class 2 (data)"),
    ACK("acknowledge"),
    NACK("negative acknowledge"),
    CNF_IR("confirm installation request"),
    RSP_UD("response with user data"),
    UNKNOWN("function code not defined by EN 13757-4");

    /** Index: PRM bit (0/1) * 16 + function code. */
    private static final LinkFunction[] TABLE = new LinkFunction[32];

    static {
        java.util.Arrays.fill(TABLE, UNKNOWN);
        TABLE[16 + 0x0] = SND_NKE;
        TABLE[16 + 0x3] = SND_UD; // refined to SND_UD2 by the FCV bit in of()
        TABLE[16 + 0x4] = SND_NR;
        TABLE[16 + 0x6] = SND_IR;
        TABLE[16 + 0x7] = ACC_NR;
        TABLE[16 + 0x8] = ACC_DMD;
        TABLE[16 + 0xA] = REQ_UD1;
        TABLE[16 + 0xB] = REQ_UD2;
        TABLE[0x0] = ACK;
        TABLE[0x1] = NACK;
        TABLE[0x6] = CNF_IR;
        TABLE[0x8] = RSP_UD;
    }

    private final String description;

    LinkFunction(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The function of a C-field byte. */
    public static LinkFunction of(int cField) {
        LinkFunction f = TABLE[((cField >> 2) & 0x10) | (cField & 0x0F)];
        if (f == SND_UD && (cField & 0x10) == 0) {
            return SND_UD2; // 0x43: SND_UD without frame count validity
        }
        return f;
    }
}
