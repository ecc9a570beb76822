package org.metergate.mbus.link;

/**
 * The control frame {@code 68 03 03 68 C A CI CS 16}: a long frame without user data (e.g. an
 * application reset or a baud rate switch).
 */
public record ControlFrame(ControlField control, int address, int ci) implements LinkFrame {

    public ControlFrame {
        java.util.Objects.requireNonNull(control, "control");
        AddressField.of(address);
        if (ci < 0 || ci > 0xFF) {
            throw new IllegalArgumentException("CI-field must be a byte: " + ci);
        }
    }
}
