package org.metergate.api.meter;

/**
 * The device type (medium) byte of EN 13757-3 (table "Device type identification", also the last
 * byte of the EN 13757-4 A-field). Codes the standard reserves map to {@link #RESERVED}; the exact
 * byte is always kept in {@link MeterAddress#deviceType()}.
 */
public enum DeviceType {
    OTHER(0x00, "other"),
    OIL(0x01, "oil"),
    ELECTRICITY(0x02, "electricity"),
    GAS(0x03, "gas"),
    HEAT_OUTLET(0x04, "heat (volume measured at return temperature: outlet)"),
    STEAM(0x05, "steam"),
    WARM_WATER(0x06, "warm water (30 °C to 90 °C)"),
    WATER(0x07, "water"),
    HEAT_COST_ALLOCATOR(0x08, "heat cost allocator"),
    COMPRESSED_AIR(0x09, "compressed air"),
    COOLING_OUTLET(0x0A, "cooling load meter (volume measured at return temperature: outlet)"),
    COOLING_INLET(0x0B, "cooling load meter (volume measured at flow temperature: inlet)"),
    HEAT_INLET(0x0C, "heat (volume measured at flow temperature: inlet)"),
    HEAT_COOLING(0x0D, "combined heat / cooling load meter"),
    BUS_SYSTEM_COMPONENT(0x0E, "bus / system component"),
    UNKNOWN_MEDIUM(0x0F, "unknown medium"),
    CALORIFIC_VALUE(0x14, "calorific value"),
    HOT_WATER(0x15, "hot water (90 °C and above)"),
    COLD_WATER(0x16, "cold water"),
    DUAL_REGISTER_WATER(0x17, "dual register (hot/cold) water meter"),
    PRESSURE(0x18, "pressure"),
    AD_CONVERTER(0x19, "A/D converter"),
    SMOKE_DETECTOR(0x1A, "smoke detector"),
    ROOM_SENSOR(0x1B, "room sensor (e.g. temperature or humidity)"),
    GAS_DETECTOR(0x1C, "gas detector"),
    BREAKER(0x20, "breaker (electricity)"),
    VALVE(0x21, "valve (gas or water)"),
    CUSTOMER_UNIT(0x25, "customer unit (display device)"),
    WASTE_WATER(0x28, "waste water"),
    GARBAGE(0x29, "garbage"),
    CARBON_DIOXIDE(0x2A, "carbon dioxide"),
    COMMUNICATION_CONTROLLER(0x31, "communication controller"),
    UNIDIRECTIONAL_REPEATER(0x32, "unidirectional repeater"),
    BIDIRECTIONAL_REPEATER(0x33, "bidirectional repeater"),
    RADIO_CONVERTER_SYSTEM(0x36, "radio converter (system side)"),
    RADIO_CONVERTER_METER(0x37, "radio converter (meter side)"),
    RESERVED(-1, "reserved");

    private static final DeviceType[] BY_CODE = new DeviceType[256];

    static {
        java.util.Arrays.fill(BY_CODE, RESERVED);
        for (DeviceType t : values()) {
            if (t.code >= 0) {
                BY_CODE[t.code] = t;
            }
        }
    }

    private final int code;
    private final String description;

    DeviceType(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code this constant stands for; -1 for {@link #RESERVED}. */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The type for a device type byte; {@link #RESERVED} for codes the standard reserves. */
    public static DeviceType of(int code) {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("device type must be a byte: " + code);
        }
        return BY_CODE[code];
    }
}
