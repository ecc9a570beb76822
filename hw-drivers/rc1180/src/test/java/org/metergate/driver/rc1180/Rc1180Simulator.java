package org.metergate.driver.rc1180;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.metergate.driver.simulators.SimulatorPort;

/**
 * An RC1180-MBUS as its data sheet describes it, on the simulator end of a socat pair: IDLE until 0x00 ('&gt;',
 * configuration mode), 'M' ('&gt;', memory configuration: address/value pairs until the address 0xFF, then '&gt;'
 * once written), 'X' back to IDLE; in IDLE it outputs received packets with the RSSI byte when RSSI_MODE is 1, in
 * configuration mode it receives nothing. Written from the data sheet, independently of the driver.
 */
final class Rc1180Simulator {

    private enum State { IDLE, CONFIG, MEMORY_ADDRESS, MEMORY_VALUE }

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final byte[] memory = new byte[256];
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private SimulatorPort port;
    private State state = State.IDLE;
    private int address;
    private boolean silent;

    Rc1180Simulator() {
        memory[0x03] = 0x01; // T1, the factory setting of most MBUS3 modules
    }

    synchronized void attach(Path simPath) throws IOException {
        state = State.IDLE;
        port = SimulatorPort.open(simPath, 19200, "rc1180", (p, bytes) -> received(bytes));
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

    /** Every byte the host sent, as hex. */
    synchronized String received() {
        return HEX.formatHex(all.toByteArray());
    }

    synchronized int memory(int address) {
        return memory[address] & 0xFF;
    }

    synchronized boolean idle() {
        return state == State.IDLE;
    }

    /** Stops answering prompts (a hung module). */
    synchronized void silent(boolean on) {
        silent = on;
    }

    private synchronized void received(byte[] bytes) {
        all.writeBytes(bytes);
        for (byte x : bytes) {
            int b = x & 0xFF;
            switch (state) {
                case IDLE -> {
                    if (b == 0x00) {
                        state = State.CONFIG;
                        prompt();
                    }
                }
                case CONFIG -> {
                    if (b == 'M') {
                        state = State.MEMORY_ADDRESS;
                        prompt();
                    } else if (b == 'X') {
                        state = State.IDLE;
                    } else {
                        prompt(); // other commands are not simulated
                    }
                }
                case MEMORY_ADDRESS -> {
                    if (b == 0xFF) {
                        state = State.CONFIG;
                        prompt(); // memory re-programmed
                    } else {
                        address = b;
                        state = State.MEMORY_VALUE;
                    }
                }
                case MEMORY_VALUE -> {
                    memory[address] = (byte) b;
                    state = State.MEMORY_ADDRESS;
                }
            }
        }
    }

    private void prompt() {
        if (!silent) {
            write(new byte[] {'>'});
        }
    }

    /** The module received {@code telegram} (L-field first, no CRCs) at RSSI byte {@code rssi}. */
    void hear(String telegramHex, int rssi) {
        byte[] t = HEX.parseHex(telegramHex);
        boolean withRssi;
        synchronized (this) {
            if (state != State.IDLE) {
                return; // no reception in configuration mode
            }
            withRssi = memory[0x05] == 1;
        }
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(t.length - 1 + (withRssi ? 1 : 0));
        p.write(t, 1, t.length - 1);
        if (withRssi) {
            p.write(rssi);
        }
        write(p.toByteArray());
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
