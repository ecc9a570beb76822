package org.metergate.link.wmbus;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.metergate.api.command.MeterCommand;
import org.metergate.api.meter.MeterAddress;

/**
 * Frames from the gateway to a meter (EN 13757-4 "other to meter"), without link CRCs: the
 * transceiver adds them. The link-layer address of a frame to a meter is the meter's own.
 *
 * <ul>
 * <li>REQ_UD2 (C 5Bh / 7Bh, FCB alternating): request user data class 2, for a reading on demand.</li>
 * <li>SND_UD (C 53h / 73h) with CI 5Ah (short transport header to the meter) and EN 13757-3 records:
 * clock synchronisation writes the date and time record (DIF 04, VIF 6D, type F).</li>
 * <li>SND_UD with application data given as is (CI and what follows), for anything else.</li>
 * </ul>
 * Actuator and tariff commands have no encoding common to all meters in EN 13757-3: they are refused
 * here, and sent as application data in the manufacturer's own encoding.
 */
final class DownlinkFrames {

    static final int REQ_UD2 = 0x5B;
    static final int SND_UD = 0x53;
    static final int FCB = 0x20;
    static final int CI_SHORT_TO_METER = 0x5A;

    private DownlinkFrames() {
    }

    /** The frame for a command, or an explanation why the wM-Bus link cannot send it. */
    static byte[] of(MeterCommand command, MeterAddress meter, boolean fcb, int accessNumber, ZoneId meterZone) {
        int fcbBit = fcb ? FCB : 0;
        if (command instanceof MeterCommand.OnDemandRead) {
            return frame(REQ_UD2 | fcbBit, meter, new byte[0]);
        }
        if (command instanceof MeterCommand.ClockSync c) {
            return frame(SND_UD | fcbBit, meter, withShortHeader(accessNumber,
                    dateTimeRecord(LocalDateTime.ofInstant(c.time(), meterZone))));
        }
        if (command instanceof MeterCommand.RawApplicationData d) {
            return frame(SND_UD | fcbBit, meter, d.data());
        }
        if (command instanceof MeterCommand.ActuatorControl a) {
            throw new IllegalArgumentException("EN 13757-3 has no standard record for "
                    + a.actuator().name().toLowerCase(java.util.Locale.ROOT)
                    + " control: send it as raw application data in the meter's encoding");
        }
        throw new IllegalArgumentException("EN 13757-3 has no standard record for a tariff change: send it as raw "
                + "application data in the meter's encoding");
    }

    private static byte[] withShortHeader(int accessNumber, byte[] records) {
        byte[] out = new byte[5 + records.length];
        out[0] = (byte) CI_SHORT_TO_METER;
        out[1] = (byte) accessNumber;
        out[2] = 0; // status
        out[3] = 0; // configuration field: no encryption
        out[4] = 0;
        System.arraycopy(records, 0, out, 5, records.length);
        return out;
    }

    /** DIF 04 (32 bit), VIF 6D (date and time), type F: minute, hour, day + year low bits, month + year high bits. */
    static byte[] dateTimeRecord(LocalDateTime t) {
        int year = t.getYear() % 100;
        return new byte[] {
            0x04, 0x6D,
            (byte) t.getMinute(),
            (byte) t.getHour(),
            (byte) (t.getDayOfMonth() | (year & 0x07) << 5),
            (byte) (t.getMonthValue() | (year >> 3) << 4)
        };
    }

    /** L, C, M (LSB first), A (identification BCD LSB first, version, device type), then the data. */
    static byte[] frame(int c, MeterAddress meter, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + data.length);
        out.write(9 + data.length);
        out.write(c);
        int m = meter.manufacturer().id();
        out.write(m & 0xFF);
        out.write(m >> 8);
        String id = meter.identification();
        for (int i = 3; i >= 0; i--) {
            out.write(Integer.parseInt(id.substring(2 * i, 2 * i + 2), 16));
        }
        out.write(meter.version());
        out.write(meter.deviceType());
        out.writeBytes(data);
        return out.toByteArray();
    }
}
