package org.metergate.driver.cul;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.SerialSettings;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.Hex;
import org.metergate.serial.support.LineAssembler;
import org.metergate.serial.support.ListeningSession;
import org.metergate.serial.support.ResponseQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a culfw stick: {@code V} (is it culfw, which version?), {@code X21} (report RSSI and LQI), then
 * {@code brt} / {@code brc} / {@code brs} and its confirmation. Frame lines go to the transceiver; other lines are
 * answers for the command waiting, or counted as unknown messages when no command waits.
 */
final class CulSession extends ListeningSession {

    private static final Logger LOG = LoggerFactory.getLogger(CulSession.class);
    /** Frames of 255 bytes with CRCs and two report bytes, as hex, with the prefix. */
    private static final int MAX_LINE = 2 + 2 * (255 + 2 * 17 + 2);

    private final CulTransceiver owner;
    private final CulSettings settings;
    private final LineAssembler lines = new LineAssembler(MAX_LINE);
    private final ResponseQueue<String> answers = new ResponseQueue<>();
    private volatile boolean awaiting;
    private volatile String version = "";

    private CulSession(SerialConnection connection, CulSettings settings, CulTransceiver owner) {
        super(connection, owner.counters());
        this.owner = owner;
        this.settings = settings;
        startListening("metergate-cul-" + settings.id());
    }

    static CulSession open(SerialPorts ports, CulSettings settings, CulTransceiver owner)
            throws IOException, InterruptedException {
        SerialConnection c = ports.open(settings.port(), SerialSettings.of(settings.baudRate()));
        CulSession s = new CulSession(c, settings, owner);
        try {
            s.initialise();
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void initialise() throws IOException, InterruptedException {
        version = command("V", a -> a.startsWith("V "), "V (version)");
        send("X21"); // bit 0: report known messages, bit 5: append RSSI (and LQI for wM-Bus)
        Set<RadioModeId> wanted = owner.activeModes();
        applyModes(wanted.isEmpty() ? Set.of(RadioModeId.T1) : wanted);
        LOG.info("{}: {} on {}", settings.id(), version, settings.port());
    }

    String version() {
        return version;
    }

    private void send(String command) throws IOException {
        write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private synchronized String command(String command, java.util.function.Predicate<String> answer, String what)
            throws IOException, InterruptedException {
        answers.clear();
        awaiting = true;
        try {
            send(command);
            return answers.await(answer, settings.responseTimeout(), what);
        } finally {
            awaiting = false;
        }
    }

    @Override
    protected void onBytes(byte[] data, int length) {
        lines.feed(data, length, this::line, owner.counters());
    }

    @Override
    protected void onDecoderFailure() {
        lines.reset();
    }

    private void line(String text) {
        CulLine line;
        try {
            line = CulLine.parse(text);
        } catch (FrameFormatException e) {
            owner.counters().fault(e.kind(), e.getMessage());
            return;
        }
        if (line instanceof CulLine.Frame f) {
            owner.frameReceived(f);
        } else if (awaiting) {
            answers.offer(text);
        } else {
            owner.counters().fault(FaultKind.UNKNOWN_MESSAGE, "line '" + printable(text) + "'");
        }
    }

    private static String printable(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public synchronized void applyModes(Set<RadioModeId> modes) throws IOException, InterruptedException {
        CulMode mode = CulMode.forReception(modes);
        String answer = command(mode.receiveCommand(), a -> a.endsWith("MODE") || a.startsWith("?") || a.equals("OFF"),
                mode.receiveCommand());
        if (!answer.equals(mode.confirmation())) {
            owner.counters().fault(FaultKind.REJECTED, mode.receiveCommand() + " answered '" + printable(answer) + "'");
            throw new IOException("culfw answered '" + printable(answer) + "' to " + mode.receiveCommand()
                    + " (expected " + mode.confirmation() + "; C mode needs culfw 1.67 or later)");
        }
    }

    @Override
    public synchronized void send(RadioModeId mode, byte[] frame) throws IOException {
        // culfw transmits what it is given: the frame with its format A CRCs; it answers nothing and resumes reception
        send(CulMode.sendCommand(mode) + Hex.encode(WMBusCrc.addA(frame)));
    }
}
