package org.metergate.serial.support;

/**
 * The C-field (link layer function) values of EN 13757-4 frames, used by drivers of sticks whose output has no
 * checksum to tell a frame start from noise.
 */
public enum WMBusCField {
    SND_NKE(0x40), SND_UD(0x53), SND_UD_FCB(0x73), SND_UD2(0x43), SND_NR(0x44), SND_IR(0x46), ACC_NR(0x47),
    ACC_DMD(0x48), REQ_UD1(0x5A), REQ_UD1_FCB(0x7A), REQ_UD2(0x5B), REQ_UD2_FCB(0x7B), ACK(0x00), ACK_ACD(0x20),
    ACK_DFC(0x10), ACK_ACD_DFC(0x30), NACK(0x01), NACK_ACD(0x21), NACK_DFC(0x11), NACK_ACD_DFC(0x31),
    CNF_IR(0x06), RSP_UD(0x08), RSP_UD_ACD(0x28), RSP_UD_DFC(0x18), RSP_UD_ACD_DFC(0x38);

    private final int value;

    WMBusCField(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** True when {@code c} is a C-field value EN 13757-4 defines. */
    public static boolean isValid(int c) {
        for (WMBusCField f : values()) {
            if (f.value == c) {
                return true;
            }
        }
        return false;
    }
}
