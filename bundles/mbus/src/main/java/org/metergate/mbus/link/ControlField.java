package org.metergate.mbus.link;

/**
 * The EN 13757-2 C-field. Bit 6 (PRM) is set in frames from the master; then bit 5 is the frame
 * count bit FCB and bit 4 says whether it is valid (FCV). In frames from the slave bit 5 is ACD
 * (class 1 data demanded) and bit 4 DFC (data flow control: the slave cannot take more data).
 * Bits 0-3 are the function.
 *
 * @param value the C-field byte, 0..255
 */
public record ControlField(int value) {

    public static final int PRM = 0x40;
    public static final int FCB = 0x20;
    public static final int FCV = 0x10;
    public static final int ACD = 0x20;
    public static final int DFC = 0x10;

    public ControlField {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("C-field must be a byte: " + value);
        }
    }

    /** SND_NKE: 0x40. */
    public static ControlField sndNke() {
        return new ControlField(0x40);
    }

    /** SND_UD: 0x53 / 0x73 with the frame count bit. */
    public static ControlField sndUd(boolean fcb) {
        return new ControlField(0x53 | (fcb ? FCB : 0));
    }

    /** REQ_UD2: 0x5B / 0x7B with the frame count bit. */
    public static ControlField reqUd2(boolean fcb) {
        return new ControlField(0x5B | (fcb ? FCB : 0));
    }

    /** REQ_UD1: 0x5A / 0x7A with the frame count bit. */
    public static ControlField reqUd1(boolean fcb) {
        return new ControlField(0x5A | (fcb ? FCB : 0));
    }

    /** RSP_UD: 0x08 plus ACD and DFC. */
    public static ControlField rspUd(boolean acd, boolean dfc) {
        return new ControlField(0x08 | (acd ? ACD : 0) | (dfc ? DFC : 0));
    }

    /** The function, from bits 0-3 and the direction bit; {@link LinkFunction#UNDEFINED} for codes not in EN 13757-2. */
    public LinkFunction function() {
        if ((value & 0x80) != 0) {
            return LinkFunction.UNDEFINED;
        }
        int code = value & 0x0F;
        if (fromMaster()) {
            switch (code) {
                case 0x0:
                    // SND_NKE has no valid frame count bit
                    return (value & FCV) == 0 ? LinkFunction.SND_NKE : LinkFunction.UNDEFINED;
                case 0x3:
                    return (value & FCV) != 0 ? LinkFunction.SND_UD : LinkFunction.UNDEFINED;
                case 0xA:
                    return (value & FCV) != 0 ? LinkFunction.REQ_UD1 : LinkFunction.UNDEFINED;
                case 0xB:
                    return (value & FCV) != 0 ? LinkFunction.REQ_UD2 : LinkFunction.UNDEFINED;
                default:
                    return LinkFunction.UNDEFINED;
            }
        }
        return code == 0x8 ? LinkFunction.RSP_UD : LinkFunction.UNDEFINED;
    }

    /** PRM: the frame comes from the master (primary station). */
    public boolean fromMaster() {
        return (value & PRM) != 0;
    }

    /** FCB, meaningful in frames from the master. */
    public boolean frameCountBit() {
        return fromMaster() && (value & FCB) != 0;
    }

    /** FCV, meaningful in frames from the master. */
    public boolean frameCountValid() {
        return fromMaster() && (value & FCV) != 0;
    }

    /** ACD, meaningful in frames from the slave. */
    public boolean accessDemand() {
        return !fromMaster() && (value & ACD) != 0;
    }

    /** DFC, meaningful in frames from the slave. */
    public boolean dataFlowControl() {
        return !fromMaster() && (value & DFC) != 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(function().name());
        if (fromMaster()) {
            if (frameCountValid()) {
                s.append(frameCountBit() ? " FCB=1" : " FCB=0");
            }
        } else {
            if (accessDemand()) {
                s.append(" ACD");
            }
            if (dataFlowControl()) {
                s.append(" DFC");
            }
        }
        return s.append(" (0x").append(org.metergate.mbus.Hex.byteHex(value)).append(')').toString();
    }
}
