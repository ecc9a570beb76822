package org.metergate.driver.amb8465;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.SerialSettings;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.ListeningSession;
import org.metergate.serial.support.ResponseQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to an AMB8465: CMD_SERIALNO_REQ (is it there?), CMD_GET_REQ of UART_CMD_Out_Enable and RSSI_Enable
 * (written with CMD_SET_REQ and applied with CMD_RESET_REQ only when they are off and writing is allowed), then
 * CMD_SET_MODE_REQ with the mode for the wanted radio modes.
 */
final class AmberSession extends ListeningSession {

    private static final Logger LOG = LoggerFactory.getLogger(AmberSession.class);

    private final Amb8465Transceiver owner;
    private final Amb8465Settings settings;
    private final AmberCodec codec;
    private final ResponseQueue<AmberMessage.Command> responses = new ResponseQueue<>();
    private volatile AmberMode receiving;
    private volatile long serialNumber;

    private AmberSession(SerialConnection connection, Amb8465Settings settings, Amb8465Transceiver owner) {
        super(connection, owner.counters());
        this.owner = owner;
        this.settings = settings;
        this.codec = new AmberCodec(owner.counters(), settings.staleMillis(), true);
        startListening("metergate-amb8465-" + settings.id());
    }

    static AmberSession open(SerialPorts ports, Amb8465Settings settings, Amb8465Transceiver owner)
            throws IOException, InterruptedException {
        SerialConnection c = ports.open(settings.port(), SerialSettings.of(settings.baudRate()));
        AmberSession s = new AmberSession(c, settings, owner);
        try {
            s.initialise();
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void initialise() throws IOException, InterruptedException {
        serialNumber = readSerialNumber();
        int cmdOut = get(AmberUserSetting.UART_CMD_OUT_ENABLE);
        int rssi = get(AmberUserSetting.RSSI_ENABLE);
        if (settings.writeUserSettings() && (cmdOut != 1 || rssi != 1)) {
            if (cmdOut != 1) {
                set(AmberUserSetting.UART_CMD_OUT_ENABLE, 1);
            }
            if (rssi != 1) {
                set(AmberUserSetting.RSSI_ENABLE, 1);
            }
            confirmed(AmberCommand.RESET_REQ);
            Thread.sleep(settings.resetDelay().toMillis());
            codec.reset();
            serialNumber = readSerialNumber(); // back after the reset?
            cmdOut = 1;
            rssi = 1;
        }
        codec.rssiAppended(rssi == 1);
        LOG.info("{}: AMB8465 serial number {} on {}, received telegrams {}, RSSI {}", settings.id(),
                String.format("%08X", serialNumber), settings.port(),
                cmdOut == 1 ? "in command mode" : "transparent", rssi == 1 ? "appended" : "off");
        Set<RadioModeId> wanted = owner.activeModes();
        AmberMode mode = AmberMode.forReception(wanted.isEmpty() ? AmberMode.SUPPORTED : wanted);
        setMode(mode);
    }

    long serialNumber() {
        return serialNumber;
    }

    private long readSerialNumber() throws IOException, InterruptedException {
        AmberMessage.Command c = request(AmberCommand.SERIALNO_REQ);
        byte[] p = c.payload();
        if (p.length != 4) {
            owner.counters().fault(FaultKind.FRAMING, "serial number of " + p.length + " bytes, expected 4");
            throw new IOException("module answered CMD_SERIALNO_REQ with " + p.length + " bytes, expected 4");
        }
        return (p[0] & 0xFFL) << 24 | (p[1] & 0xFFL) << 16 | (p[2] & 0xFFL) << 8 | (p[3] & 0xFFL);
    }

    private int get(AmberUserSetting s) throws IOException, InterruptedException {
        AmberMessage.Command c = request(AmberCommand.GET_REQ, (byte) s.position(), (byte) 1);
        byte[] p = c.payload();
        if (p.length != 3 || (p[0] & 0xFF) != s.position() || p[1] != 1) {
            owner.counters().fault(FaultKind.FRAMING, "CMD_GET_REQ " + s + " answered with " + p.length + " bytes");
            throw new IOException("module answered CMD_GET_REQ for " + s + " with unexpected data");
        }
        return p[2] & 0xFF;
    }

    private void set(AmberUserSetting s, int value) throws IOException, InterruptedException {
        LOG.warn("{}: writing user setting {} = {} to the module's flash", settings.id(), s, value);
        confirmed(AmberCommand.SET_REQ, (byte) s.position(), (byte) 1, (byte) value);
    }

    private void setMode(AmberMode mode) throws IOException, InterruptedException {
        confirmed(AmberCommand.SET_MODE_REQ, (byte) mode.code());
        receiving = mode;
    }

    /** Sends a command whose confirmation carries a status byte, and checks it is 0 (success). */
    private void confirmed(AmberCommand command, byte... payload) throws IOException, InterruptedException {
        AmberMessage.Command c = request(command, payload);
        if (c.status() != 0) {
            owner.counters().fault(FaultKind.REJECTED, command + " status " + c.status());
            throw new IOException("module refused " + command + " (status " + c.status() + ")");
        }
    }

    synchronized AmberMessage.Command request(AmberCommand command, byte... payload)
            throws IOException, InterruptedException {
        responses.clear();
        write(AmberCodec.encode(command, payload));
        return responses.await(c -> c.command() == command.confirmation(), settings.responseTimeout(),
                "CMD_" + command);
    }

    @Override
    protected void onBytes(byte[] data, int length) {
        codec.feed(data, length, System.nanoTime() / 1_000_000, this::handle);
    }

    @Override
    protected void onDecoderFailure() {
        codec.reset();
    }

    private void handle(AmberMessage m) {
        if (m instanceof AmberMessage.Telegram t) {
            owner.telegramReceived(t);
        } else if (m instanceof AmberMessage.Command c) {
            responses.offer(c);
        }
    }

    @Override
    public synchronized void applyModes(Set<RadioModeId> modes) throws IOException, InterruptedException {
        setMode(AmberMode.forReception(modes));
    }

    @Override
    public synchronized void send(RadioModeId mode, byte[] frame) throws IOException, InterruptedException {
        AmberMode tx = AmberMode.forSending(mode);
        AmberMode rx = receiving;
        boolean switchMode = tx != rx;
        if (switchMode) {
            setMode(tx);
        }
        try {
            // CMD_DATA_REQ carries the telegram from the C-field on; its length field is the L-field
            confirmed(AmberCommand.DATA_REQ, Arrays.copyOfRange(frame, 1, frame.length));
        } finally {
            if (switchMode && rx != null && !isGone()) {
                setMode(rx);
            }
        }
    }
}
