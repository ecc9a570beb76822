package org.metergate.mbus.record;

import org.metergate.api.reading.FunctionField;
import org.metergate.api.reading.ObisCode;

/**
 * OBIS codes (IEC 62056-6-1 value groups, as EN 13757-1 uses them) for data records of electricity
 * meters (device type 0x02), where the M-Bus record names the same quantity: active and reactive
 * energy (C = 1/2, 3/4 for import/export, D = 8, E = tariff), active, reactive and apparent power
 * (D = 7), voltage and current per phase, frequency. Other media and quantities have no mapping
 * here: {@code null}.
 */
public final class ObisMapping {

    /** Device type byte of electricity meters. */
    public static final int ELECTRICITY = 0x02;

    private ObisMapping() {
    }

    /** The OBIS code of an instantaneous, current (storage 0) record of a meter of the given device type, or null. */
    public static ObisCode of(int deviceType, FunctionField function, long storage, int tariff, int subunit,
                              ValueInformation vi) {
        if (deviceType != ELECTRICITY || function != FunctionField.INSTANTANEOUS || storage != 0 || subunit != 0
                || tariff > 63 || vi.kind() != ValueKind.NUMBER) {
            return null;
        }
        boolean export = false;
        int phase = 0; // 0 total, 1-3 L1-L3, 4 neutral
        for (OrthogonalVife v : vi.extensions()) {
            if (!v.extended() && v.code() == 0x3C) {
                export = true;
            } else if (!v.extended() && v.code() == 0x3B) {
                export = false;
            } else if (v.extended() && v.code() >= 0x01 && v.code() <= 0x04) {
                phase = v.code();
            } else {
                return null; // per time unit, limits, dates...: not the plain register
            }
        }
        int c;
        int d;
        switch (vi.table()) {
            case PRIMARY:
                if (vi.code() <= 0x07) {
                    c = export ? 2 : 1;
                    d = 8;
                } else if (vi.code() >= 0x28 && vi.code() <= 0x2F) {
                    c = export ? 2 : 1;
                    d = 7;
                } else {
                    return null;
                }
                break;
            case EXTENSION_FB:
                if (vi.code() <= 0x01) {
                    c = export ? 2 : 1;
                    d = 8;
                } else if (vi.code() <= 0x03) {
                    c = export ? 4 : 3;
                    d = 8;
                } else if (vi.code() >= 0x14 && vi.code() <= 0x17) {
                    c = export ? 4 : 3;
                    d = 7;
                } else if (vi.code() >= 0x28 && vi.code() <= 0x29) {
                    c = export ? 2 : 1;
                    d = 7;
                } else if (vi.code() >= 0x34 && vi.code() <= 0x37) {
                    c = export ? 10 : 9;
                    d = 7;
                } else if (vi.code() >= 0x2C && vi.code() <= 0x2F && phase == 0 && !export && tariff == 0) {
                    return new ObisCode(1, 0, 14, 7, 0, 255);
                } else {
                    return null;
                }
                break;
            case EXTENSION_FD:
                if (export || tariff != 0) {
                    return null;
                }
                if (vi.code() >= 0x40 && vi.code() <= 0x4F) {
                    c = 12;
                } else if (vi.code() >= 0x50 && vi.code() <= 0x5F) {
                    c = 11;
                } else {
                    return null;
                }
                if (phase == 4) {
                    return c == 11 ? new ObisCode(1, 0, 91, 7, 0, 255) : null;
                }
                return new ObisCode(1, 0, c + 20 * phase, 7, 0, 255);
            default:
                return null;
        }
        if (phase == 4 || (d == 7 && tariff != 0)) {
            return null;
        }
        return new ObisCode(1, 0, c + 20 * phase, d, d == 8 ? tariff : 0, 255);
    }
}
