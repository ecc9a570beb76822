package org.metergate.wmbus.link;

/**
 * The C-field of an EN 13757-4 frame: bit 6 PRM (frame from the primary station), bits 5 and 4 FCB/FCV
 * in primary frames or ACD/DFC in secondary ones, bits 3-0 the function code.
 *
 * @param value the C-field byte, 0..255
 */
public record CField(int value) {

    public static final CField SND_NR = new CField(0x44);
    public static final CField SND_IR = new CField(0x46);
    public static final CField ACC_DMD = new CField(0x48);
    public static final CField RSP_UD = new CField(0x08);
    public static final CField SND_NKE = new CField(0x40);
    public static final CField SND_UD = new CField(0x53);
    public static final CField CNF_IR = new CField(0x06);
    public static final CField ACK = new CField(0x00);

    public CField {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("C-field must be a byte: " + value);
        }
    }

    public LinkFunction function() {
        return LinkFunction.of(value);
    }

    /** Bit 6: the frame comes from the primary (initiating) station. */
    public boolean primary() {
        return (value & 0x40) != 0;
    }

    /** Bit 5: FCB in primary frames, ACD (access demand) in secondary ones. */
    public boolean bit5() {
        return (value & 0x20) != 0;
    }

    /** Bit 4: FCV in primary frames, DFC (data flow control) in secondary ones. */
    public boolean bit4() {
        return (value & 0x10) != 0;
    }

    @Override
    public String toString() {
        return function().name() + "(0x" + Integer.toHexString(value | 0x100).substring(1).toUpperCase(java.util.Locale.ROOT) + ")";
    }
}
