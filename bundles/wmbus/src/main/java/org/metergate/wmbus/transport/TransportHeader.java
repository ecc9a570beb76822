package org.metergate.wmbus.transport;

import org.metergate.api.meter.MeterAddress;
import org.metergate.wmbus.WMBusException;
import org.metergate.wmbus.WMBusException.Kind;
import org.metergate.wmbus.internal.Addresses;

/**
 * The transport layer (TPL) header of EN 13757-7 that follows a TPL CI-field: none, short (access
 * number, status, configuration field) or long (the meter's identification, manufacturer, version,
 * device type before the short header). Security mode 7 adds a configuration field extension.
 *
 * @param ci the CI-field
 * @param type which header
 * @param address the meter in a long header, else {@code null}
 * @param accessNumber the access number, or -1 without header
 * @param status the status byte (EN 13757-3), or -1 without header
 * @param configuration the configuration field, or {@code null} without header
 * @param length bytes of the header after the CI-field
 */
public record TransportHeader(int ci, HeaderType type, MeterAddress address, int accessNumber, int status,
                              ConfigurationField configuration, int length) {

    /** The security mode of the configuration field, 0 without header. */
    public int securityMode() {
        return configuration == null ? 0 : configuration.securityMode();
    }

    /** Reads the header of the TPL whose CI-field is at {@code at}. */
    public static TransportHeader read(byte[] f, int at, int end) throws WMBusException {
        int ci = f[at] & 0xFF;
        HeaderType type = CiField.header(ci);
        int p = at + 1;
        if (end - p < type.length()) {
            throw new WMBusException(Kind.TRUNCATED, end, "the " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " header of CI " + CiField.hex(ci) + " needs " + type.length() + " bytes, " + (end - p) + " are left");
        }
        if (type == HeaderType.NONE) {
            return new TransportHeader(ci, type, null, -1, -1, null, 0);
        }
        MeterAddress address = null;
        if (type == HeaderType.LONG) {
            address = Addresses.headerOrder(f, p).address();
            p += 8;
        }
        int acc = f[p] & 0xFF;
        int status = f[p + 1] & 0xFF;
        int cf = (f[p + 2] & 0xFF) | (f[p + 3] & 0xFF) << 8;
        p += 4;
        int ext = -1;
        if (ConfigurationField.hasExtension(cf)) {
            if (p >= end) {
                throw new WMBusException(Kind.TRUNCATED, end, "security mode 7 needs a configuration field extension");
            }
            ext = f[p] & 0xFF;
            p++;
        }
        return new TransportHeader(ci, type, address, acc, status, new ConfigurationField(cf, ext), p - at - 1);
    }
}
