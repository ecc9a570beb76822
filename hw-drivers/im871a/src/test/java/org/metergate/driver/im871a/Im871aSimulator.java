package org.metergate.driver.im871a;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.metergate.driver.simulators.SimulatorPort;

/**
 * An iM871A as WMBus_HCI_Spec describes it, on the simulator end of a socat pair: answers PING, GET_DEVICEINFO,
 * SET_CONFIG (taking the link mode and the RSSI / time stamp attachment flags as the host set them) and
 * RADIOLINK WMBUSMSG_REQ, and emits WMBUSMSG_IND for received telegrams. Written from the spec, independently of the
 * driver's codec (its FCS is computed another way). Records every request it got, as hex.
 */
final class Im871aSimulator {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final int moduleType;
    private final int firmware;
    private final List<String> requests = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private SimulatorPort port;
    private int linkMode = 0x03;
    private boolean attachRssi;
    private boolean attachTimestamp;

    Im871aSimulator(int moduleType, int firmware) {
        this.moduleType = moduleType;
        this.firmware = firmware;
    }

    synchronized void attach(Path simPath) throws IOException {
        pending.reset();
        port = SimulatorPort.open(simPath, 57600, "im871a", (p, bytes) -> received(bytes));
    }

    void detach() {
        SimulatorPort p;
        synchronized (this) {
            p = port;
            port = null;
        }
        if (p != null) {
            p.close();
        }
    }

    /** The requests the host sent, one hex string each. */
    synchronized List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** Frames the host asked to transmit (WMBUSMSG_REQ payloads, from the C-field). */
    synchronized List<String> sent() {
        return new ArrayList<>(sent);
    }

    synchronized int linkMode() {
        return linkMode;
    }

    private synchronized void received(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] b = pending.toByteArray();
        int i = 0;
        while (b.length - i >= 4) {
            if ((b[i] & 0xFF) != 0xA5) {
                i++;
                continue;
            }
            int control = (b[i + 1] & 0xF0) >> 4;
            int length = 4 + (b[i + 3] & 0xFF) + ((control & 0x2) != 0 ? 4 : 0) + ((control & 0x4) != 0 ? 1 : 0)
                    + ((control & 0x8) != 0 ? 2 : 0);
            if (b.length - i < length) {
                break;
            }
            byte[] request = java.util.Arrays.copyOfRange(b, i, i + length);
            i += length;
            requests.add(HEX.formatHex(request));
            answer(request);
        }
        pending.reset();
        pending.write(b, i, b.length - i);
    }

    private void answer(byte[] r) {
        int endpoint = r[1] & 0x0F;
        int id = r[2] & 0xFF;
        byte[] payload = java.util.Arrays.copyOfRange(r, 4, 4 + (r[3] & 0xFF));
        if (endpoint == 0x01 && id == 0x01) {
            write(frame(0x0, 0x01, 0x02, new byte[0], null, null));
        } else if (endpoint == 0x01 && id == 0x0F) {
            write(frame(0x0, 0x01, 0x10, new byte[] {(byte) moduleType, 0x00, (byte) firmware, 0x17, 0x67, 0x45, 0x23,
                    0x01}, null, null));
        } else if (endpoint == 0x01 && id == 0x03) {
            configure(payload);
            write(frame(0x0, 0x01, 0x04, new byte[] {0x00}, null, null));
        } else if (endpoint == 0x02 && id == 0x01) {
            sent.add(HEX.formatHex(payload));
            write(frame(0x0, 0x02, 0x02, new byte[] {0x00}, null, null));
        }
        // anything else: a real stick would answer with an error status or not at all; this one stays silent
    }

    /** SET_CONFIG payload: NVM flag, IIFlag1 and its fields, IIFlag2 and its fields (WMBus_HCI_Spec 3.1.4). */
    private void configure(byte[] p) {
        int i = 1;
        int iif1 = p[i++] & 0xFF;
        if ((iif1 & 0x01) != 0) {
            i++; // device mode
        }
        if ((iif1 & 0x02) != 0) {
            linkMode = p[i++] & 0xFF;
        }
        i += ((iif1 & 0x04) != 0 ? 1 : 0) + ((iif1 & 0x08) != 0 ? 2 : 0) + ((iif1 & 0x10) != 0 ? 4 : 0)
                + ((iif1 & 0x20) != 0 ? 1 : 0) + ((iif1 & 0x40) != 0 ? 1 : 0) + ((iif1 & 0x80) != 0 ? 1 : 0);
        if (i >= p.length) {
            return;
        }
        int iif2 = p[i++] & 0xFF;
        i += ((iif2 & 0x01) != 0 ? 1 : 0) + ((iif2 & 0x02) != 0 ? 1 : 0) + ((iif2 & 0x04) != 0 ? 1 : 0)
                + ((iif2 & 0x08) != 0 ? 1 : 0);
        if ((iif2 & 0x10) != 0) {
            attachRssi = p[i++] != 0;
        }
        if ((iif2 & 0x20) != 0) {
            attachTimestamp = p[i++] != 0;
        }
    }

    /** The stick heard {@code telegram} (L-field first, no CRCs) at {@code rssi}. */
    void hear(String telegramHex, int rssi) {
        byte[] t = HEX.parseHex(telegramHex);
        byte[] fromC = java.util.Arrays.copyOfRange(t, 1, t.length);
        boolean ts;
        boolean rs;
        synchronized (this) {
            ts = attachTimestamp;
            rs = attachRssi;
        }
        write(frame(0x8 | (ts ? 0x2 : 0) | (rs ? 0x4 : 0), 0x02, 0x03, fromC, ts ? 0x00010203L : null,
                rs ? rssi : null));
    }

    /** Raw bytes on the line, e.g. noise or a corrupted frame. */
    void emit(byte[] raw) {
        write(raw);
    }

    static byte[] frame(int control, int endpoint, int id, byte[] payload, Long timestamp, Integer rssi) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0xA5);
        f.write(control << 4 | endpoint);
        f.write(id);
        f.write(payload.length);
        f.writeBytes(payload);
        if (timestamp != null) {
            for (int k = 0; k < 4; k++) {
                f.write((int) (timestamp >> (8 * k)));
            }
        }
        if (rssi != null) {
            f.write(rssi);
        }
        if ((control & 0x8) != 0) {
            byte[] b = f.toByteArray();
            int crc = fcs(b, 1, b.length - 1);
            f.write(crc);
            f.write(crc >> 8);
        }
        return f.toByteArray();
    }

    /** CRC-16/X.25 computed MSB-first on bit-reversed bytes (the same function as the spec's, another route). */
    static int fcs(byte[] b, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= Integer.reverse(b[i] & 0xFF) >>> 16;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return (Integer.reverse(crc) >>> 16) ^ 0xFFFF;
    }

    private void write(byte[] b) {
        SimulatorPort p;
        synchronized (this) {
            p = port;
        }
        if (p != null) {
            p.write(b);
        }
    }
}
