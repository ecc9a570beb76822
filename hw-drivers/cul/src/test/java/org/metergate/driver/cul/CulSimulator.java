package org.metergate.driver.cul;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.metergate.driver.simulators.SimulatorPort;

/**
 * A CUL running culfw, as its command reference and rf_mbus.c describe it, on the simulator end of a socat pair:
 * answers {@code V}, takes {@code X<RR>}, answers {@code brt}/{@code brs}/{@code brc} with the mode, records
 * {@code bst}/{@code bss} transmissions, answers anything else with culfw's "? (.. is unknown)" line, and prints
 * received frames as {@code b} (format A) or {@code bY} (format B) with their link CRCs and, when RSSI reporting is
 * on, LQI and RSSI. Its CRC is computed bit by bit, independently of the driver.
 */
final class CulSimulator {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final boolean supportsCMode;
    private final List<String> commands = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private SimulatorPort port;
    private String mode = "OFF";
    private boolean reportRssi;

    CulSimulator(boolean supportsCMode) {
        this.supportsCMode = supportsCMode;
    }

    synchronized void attach(Path simPath) throws IOException {
        line.setLength(0);
        port = SimulatorPort.open(simPath, 38400, "cul", (p, bytes) -> received(bytes));
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

    synchronized String mode() {
        return mode;
    }

    private synchronized void received(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                if (!line.isEmpty()) {
                    command(line.toString());
                    line.setLength(0);
                }
            } else {
                line.append((char) b);
            }
        }
    }

    private void command(String c) {
        commands.add(c);
        if (c.equals("V")) {
            println("V 1.67 nanoCUL868");
        } else if (c.startsWith("X") && c.length() == 3) {
            reportRssi = (Integer.parseInt(c.substring(1), 16) & 0x20) != 0;
        } else if (c.equals("brt")) {
            mode = "TMODE";
            println(mode);
        } else if (c.equals("brs")) {
            mode = "SMODE";
            println(mode);
        } else if (c.equals("brc") && supportsCMode) {
            mode = "CMODE";
            println(mode);
        } else if (c.startsWith("bst") || c.startsWith("bss")) {
            // transmitted; culfw prints nothing and goes back to receiving
        } else {
            println("? (" + c.charAt(0) + " is unknown) Use one of B b C F i A Z G M K U Y R T V W X e f m l t u x");
        }
    }

    /** The stick received {@code telegram} (L-field first, no CRCs), in format B when {@code formatB}. */
    void hear(String telegramHex, boolean formatB, int lqi, int rssi) {
        byte[] t = HEX.parseHex(telegramHex);
        byte[] f = formatB ? formatB(t) : formatA(t);
        boolean withRssi;
        synchronized (this) {
            withRssi = reportRssi;
        }
        println((formatB ? "bY" : "b") + HEX.formatHex(f) + (withRssi ? String.format("%02X%02X", lqi, rssi) : ""));
    }

    /** A raw line, e.g. noise or a corrupted frame. */
    void println(String text) {
        write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    void emit(byte[] raw) {
        write(raw);
    }

    static byte[] formatA(byte[] t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int size = 10;
        while (at < t.length) {
            int n = Math.min(size, t.length - at);
            out.write(t, at, n);
            int crc = crc(t, at, n);
            out.write(crc >> 8);
            out.write(crc);
            at += n;
            size = 16;
        }
        return out.toByteArray();
    }

    static byte[] formatB(byte[] t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = t.clone();
        boolean twoCrcs = t.length + 2 > 128;
        b[0] = (byte) (t.length - 1 + (twoCrcs ? 4 : 2));
        int first = Math.min(126, b.length);
        out.write(b, 0, first);
        int crc = crc(b, 0, first);
        out.write(crc >> 8);
        out.write(crc);
        if (twoCrcs) {
            out.write(b, first, b.length - first);
            crc = crc(b, first, b.length - first);
            out.write(crc >> 8);
            out.write(crc);
        }
        return out.toByteArray();
    }

    /** EN 13757-4 CRC, one bit at a time: shift register, polynomial 0x3D65, then inverted. */
    static int crc(byte[] b, int off, int len) {
        int reg = 0;
        for (int i = off; i < off + len; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                int in = (b[i] >> bit) & 1;
                int top = (reg >> 15) & 1;
                reg = (reg << 1) & 0xFFFF;
                if ((top ^ in) == 1) {
                    reg ^= 0x3D65;
                }
            }
        }
        return reg ^ 0xFFFF;
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
