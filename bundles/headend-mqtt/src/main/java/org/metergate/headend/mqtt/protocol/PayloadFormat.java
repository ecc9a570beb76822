package org.metergate.headend.mqtt.protocol;

import java.util.Locale;

/** How a {@link KuraPayload} is written on the wire. */
public enum PayloadFormat {
    /** The documented JSON form (the default). */
    JSON("json"),
    /** The Kura protobuf ({@code kuradatatypes.KuraPayload}). */
    KURA_PROTOBUF("kura-protobuf");

    private final String label;

    PayloadFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code json} or {@code kura-protobuf} (also {@code protobuf}, {@code kura}). */
    public static PayloadFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "json", "" -> JSON;
            case "kura-protobuf", "protobuf", "kura" -> KURA_PROTOBUF;
            default -> throw new IllegalArgumentException("payload format must be json or kura-protobuf: " + text);
        };
    }
}
