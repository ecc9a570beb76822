package org.metergate.serial.support;

import java.util.Objects;

/** Input that is not a valid frame, message or line of a device protocol, with the kind of fault it is. */
public class FrameFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FaultKind kind;

    public FrameFormatException(FaultKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FaultKind kind() {
        return kind;
    }
}
