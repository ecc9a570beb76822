package org.metergate.mbus.link;

/**
 * The short frame {@code 10 C A CS 16}: SND_NKE, REQ_UD1 and REQ_UD2 from the master.
 *
 * @param control the C-field
 * @param address the A-field, 0..255
 */
public record ShortFrame(ControlField control, int address) implements LinkFrame {

    public static final int START = 0x10;

    public ShortFrame {
        java.util.Objects.requireNonNull(control, "control");
        AddressField.of(address);
    }

    public static ShortFrame sndNke(int address) {
        return new ShortFrame(ControlField.sndNke(), address);
    }

    public static ShortFrame reqUd2(int address, boolean fcb) {
        return new ShortFrame(ControlField.reqUd2(fcb), address);
    }

    public static ShortFrame reqUd1(int address, boolean fcb) {
        return new ShortFrame(ControlField.reqUd1(fcb), address);
    }
}
