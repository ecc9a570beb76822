package org.metergate.driver.amb8465;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.metergate.driver.simulators.SimulatorPort;

/**
 * An AMB8465 as its manual describes it, on the simulator end of a socat pair: command frames with XOR checksum
 * (frames with a wrong checksum are ignored, as the module does with checksum evaluation on), confirmations with the
 * command or 0x80, user settings in a parameter memory that take effect after CMD_RESET_REQ, the volatile mode of
 * CMD_SET_MODE_REQ, and received telegrams as CMD_DATA_IND or transparent output with the RSSI byte when enabled.
 * Written from the manual, independently of the driver's codec. Records every command frame it got, as hex.
 */
final class AmberSimulator {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final byte[] memory = new byte[128];
    private final List<String> commands = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private SimulatorPort port;
    private int mode = 0x08;
    private boolean commandOutput;
    private boolean rssiOutput;

    AmberSimulator(boolean cmdOutEnable, boolean rssiEnable) {
        memory[0x05] = (byte) (cmdOutEnable ? 1 : 0);
        memory[0x45] = (byte) (rssiEnable ? 1 : 0);
        boot();
    }

    private void boot() {
        commandOutput = memory[0x05] == 1;
        rssiOutput = memory[0x45] == 1;
    }

    synchronized void attach(Path simPath) throws IOException {
        pending.reset();
        port = SimulatorPort.open(simPath, 9600, "amb8465", (p, bytes) -> received(bytes));
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

    synchronized List<String> commands() {
        return new ArrayList<>(commands);
    }

    synchronized List<String> sent() {
        return new ArrayList<>(sent);
    }

    synchronized int mode() {
        return mode;
    }

    synchronized int setting(int position) {
        return memory[position] & 0xFF;
    }

    private synchronized void received(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] b = pending.toByteArray();
        int i = 0;
        while (i < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            if (b.length - i < 3 || b.length - i < (b[i + 2] & 0xFF) + 4) {
                break;
            }
            byte[] f = Arrays.copyOfRange(b, i, i + (b[i + 2] & 0xFF) + 4);
            i += f.length;
            commands.add(HEX.formatHex(f));
            int x = 0;
            for (int k = 0; k < f.length - 1; k++) {
                x ^= f[k] & 0xFF;
            }
            if (x == (f[f.length - 1] & 0xFF)) {
                execute(f[1] & 0xFF, Arrays.copyOfRange(f, 3, f.length - 1));
            }
        }
        pending.reset();
        pending.write(b, i, b.length - i);
    }

    private void execute(int cmd, byte[] data) {
        switch (cmd) {
            case 0x0B -> confirm(0x8B, new byte[] {0x12, 0x34, 0x56, 0x78});
            case 0x0A -> {
                int pos = data[0] & 0xFF;
                int len = data[1] & 0xFF;
                byte[] r = new byte[len + 2];
                r[0] = (byte) pos;
                r[1] = (byte) len;
                System.arraycopy(memory, pos, r, 2, len);
                confirm(0x8A, r);
            }
            case 0x09 -> {
                int pos = data[0] & 0xFF;
                int len = data[1] & 0xFF;
                System.arraycopy(data, 2, memory, pos, len);
                confirm(0x89, new byte[] {0x00});
            }
            case 0x05 -> {
                confirm(0x85, new byte[] {0x00});
                boot(); // the reset happens after the confirmation
            }
            case 0x04 -> {
                mode = data[0] & 0xFF;
                confirm(0x84, new byte[] {0x00});
            }
            case 0x00 -> {
                sent.add(HEX.formatHex(data));
                confirm(0x80, new byte[] {0x00});
            }
            default -> { } // not simulated: no answer
        }
    }

    private void confirm(int cmd, byte[] data) {
        write(frame(cmd, data));
    }

    static byte[] frame(int cmd, byte[] data) {
        byte[] f = new byte[data.length + 4];
        f[0] = (byte) 0xFF;
        f[1] = (byte) cmd;
        f[2] = (byte) data.length;
        System.arraycopy(data, 0, f, 3, data.length);
        int x = 0;
        for (int k = 0; k < f.length - 1; k++) {
            x ^= f[k] & 0xFF;
        }
        f[f.length - 1] = (byte) x;
        return f;
    }

    /** The module heard {@code telegram} (L-field first, no CRCs) at RX level {@code rssi}. */
    void hear(String telegramHex, int rssi) {
        byte[] t = HEX.parseHex(telegramHex);
        boolean cmdOut;
        boolean withRssi;
        synchronized (this) {
            cmdOut = commandOutput;
            withRssi = rssiOutput;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(t, 1, t.length - 1);
        if (withRssi) {
            data.write(rssi);
        }
        byte[] d = data.toByteArray();
        if (cmdOut) {
            write(frame(0x03, d));
        } else {
            byte[] f = new byte[d.length + 1];
            f[0] = (byte) d.length;
            System.arraycopy(d, 0, f, 1, d.length);
            write(f);
        }
    }

    void emit(byte[] raw) {
        write(raw);
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
