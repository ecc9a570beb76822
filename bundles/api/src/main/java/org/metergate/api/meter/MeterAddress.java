package org.metergate.api.meter;

import java.util.Objects;

/**
 * The full address of a metering end device: the EN 13757-3 secondary address (identification,
 * manufacturer, version, device type), which is also the M- and A-field of an EN 13757-4 wireless
 * telegram. The gateway's registry looks meters up by this value.
 *
 * @param manufacturer FLAG manufacturer code
 * @param identification 8 hexadecimal digits of the identification number
 * @param version the version (generation) byte, 0..255
 * @param deviceType the device type (medium) byte, 0..255, see {@link DeviceType}
 */
public record MeterAddress(ManufacturerCode manufacturer, String identification, int version, int deviceType)
        implements Comparable<MeterAddress> {

    public MeterAddress {
        MeterId id = new MeterId(manufacturer, identification); // validates both
        identification = id.identification();
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version must be a byte: " + version);
        }
        if (deviceType < 0 || deviceType > 0xFF) {
            throw new IllegalArgumentException("device type must be a byte: " + deviceType);
        }
    }

    public static MeterAddress of(String manufacturer, String identification, int version, DeviceType type) {
        Objects.requireNonNull(type, "type");
        if (type == DeviceType.RESERVED) {
            throw new IllegalArgumentException("give the reserved device type byte itself");
        }
        return new MeterAddress(ManufacturerCode.of(manufacturer), identification, version, type.code());
    }

    /** Manufacturer and identification: the part that names the meter's key and installation. */
    public MeterId meterId() {
        return new MeterId(manufacturer, identification);
    }

    /** The medium, from the device type byte. */
    public DeviceType medium() {
        return DeviceType.of(deviceType);
    }

    @Override
    public int compareTo(MeterAddress o) {
        int c = manufacturer.compareTo(o.manufacturer);
        if (c == 0) c = identification.compareTo(o.identification);
        if (c == 0) c = Integer.compare(version, o.version);
        if (c == 0) c = Integer.compare(deviceType, o.deviceType);
        return c;
    }

    /** {@code KAM-12345678 v01 water}: what people read in logs and shells. */
    @Override
    public String toString() {
        return String.format("%s-%s v%02X %s", manufacturer.code(), identification, version,
                medium() == DeviceType.RESERVED ? String.format("type %02X", deviceType) : medium().name().toLowerCase(java.util.Locale.ROOT));
    }
}
