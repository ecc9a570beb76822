package org.metergate.driver.im871a;

import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;

/**
 * The answer to DEVMGMT_GET_DEVICEINFO: module type, device mode, firmware version, HCI version and the module's
 * 32-bit unique id (LSB first).
 */
record DeviceInfo(int moduleType, int deviceMode, int firmware, int hciVersion, long uid) {

    static DeviceInfo decode(byte[] payload) throws FrameFormatException {
        if (payload.length < 8) {
            throw new FrameFormatException(FaultKind.FRAMING,
                    "device information of " + payload.length + " bytes, expected 8");
        }
        long uid = (payload[4] & 0xFFL) | (payload[5] & 0xFFL) << 8 | (payload[6] & 0xFFL) << 16
                | (payload[7] & 0xFFL) << 24;
        return new DeviceInfo(payload[0] & 0xFF, payload[1] & 0xFF, payload[2] & 0xFF, payload[3] & 0xFF, uid);
    }

    /** The model, or null for an unknown module type. */
    ImstModel model() {
        return ImstModel.ofModuleType(moduleType);
    }

    /** E.g. {@code iM871A firmware 1.5 HCI 1.7 uid 01234567}. */
    @Override
    public String toString() {
        ImstModel m = model();
        return (m == null ? String.format("module type 0x%02X", moduleType) : m.label())
                + String.format(" firmware %d.%d HCI %d.%d uid %08X", firmware >> 4, firmware & 0xF, hciVersion >> 4,
                hciVersion & 0xF, uid);
    }
}
