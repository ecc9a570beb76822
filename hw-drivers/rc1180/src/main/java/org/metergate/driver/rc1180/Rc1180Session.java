package org.metergate.driver.rc1180;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.SerialSettings;
import org.metergate.serial.support.ListeningSession;
import org.metergate.serial.support.ResponseQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to an RC1180-MBUS. Switching modes goes through configuration mode: 0x00 (prompt), 'M' (prompt),
 * the pairs MBUS_MODE, RSSI_MODE = 1, DATA_INTERFACE = 0, the end address 0xFF (prompt once the memory is written),
 * then 'X'. While in configuration mode the reader takes prompts; otherwise it decodes received packets.
 */
final class Rc1180Session extends ListeningSession {

    private static final Logger LOG = LoggerFactory.getLogger(Rc1180Session.class);
    static final int PROMPT = '>';
    static final int ENTER_CONFIG = 0x00;
    static final int MEMORY = 'M';
    static final int EXIT = 'X';

    private final Rc1180Transceiver owner;
    private final Rc1180Settings settings;
    private final Rc1180Codec codec;
    private final ResponseQueue<Integer> prompts = new ResponseQueue<>();
    private volatile boolean configMode;

    private Rc1180Session(SerialConnection connection, Rc1180Settings settings, Rc1180Transceiver owner) {
        super(connection, owner.counters());
        this.owner = owner;
        this.settings = settings;
        this.codec = new Rc1180Codec(owner.counters(), settings.staleMillis(), true);
        startListening("metergate-rc1180-" + settings.id());
    }

    static Rc1180Session open(SerialPorts ports, Rc1180Settings settings, Rc1180Transceiver owner)
            throws IOException, InterruptedException {
        SerialConnection c = ports.open(settings.port(), SerialSettings.of(settings.baudRate()));
        Rc1180Session s = new Rc1180Session(c, settings, owner);
        try {
            Set<RadioModeId> wanted = owner.activeModes();
            s.applyModes(wanted.isEmpty() ? Rc1180Mode.SUPPORTED : wanted);
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    protected void onBytes(byte[] data, int length) {
        if (configMode) {
            for (int i = 0; i < length; i++) {
                if ((data[i] & 0xFF) == PROMPT) {
                    prompts.offer(PROMPT);
                }
                // anything else in configuration mode is the tail of a packet received before: dropped
            }
        } else {
            codec.feed(data, length, System.nanoTime() / 1_000_000, owner::packetReceived);
        }
    }

    @Override
    protected void onDecoderFailure() {
        codec.reset();
    }

    @Override
    public synchronized void applyModes(Set<RadioModeId> modes) throws IOException, InterruptedException {
        Rc1180Mode mode = Rc1180Mode.forReception(modes);
        prompts.clear();
        configMode = true;
        try {
            command(new byte[] {ENTER_CONFIG}, settings.responseTimeout(), "entering configuration mode");
            command(new byte[] {MEMORY}, settings.responseTimeout(), "memory configuration");
            command(new byte[] {(byte) Rc1180Parameter.MBUS_MODE.address(), (byte) mode.code(),
                    (byte) Rc1180Parameter.RSSI_MODE.address(), 0x01,
                    (byte) Rc1180Parameter.DATA_INTERFACE.address(), 0x00,
                    (byte) Rc1180Parameter.END}, settings.memoryWriteTimeout(), "memory write");
        } finally {
            // leave configuration mode whatever happened, so the module receives again
            if (!isGone()) {
                write(new byte[] {EXIT});
            }
            codec.reset();
            configMode = false;
        }
        LOG.info("{}: receiving {} (MBUS_MODE {})", settings.id(), mode.modes(), mode.code());
    }

    private void command(byte[] bytes, Duration timeout, String what) throws IOException, InterruptedException {
        write(bytes);
        prompts.await(p -> true, timeout, what);
    }

    @Override
    public void send(RadioModeId mode, byte[] frame) throws IOException {
        throw new IOException("the RC1180-MBUS puts its own C-field, manufacturer and address (from its configuration "
                + "memory) in front of what it sends, so it cannot send a frame for a meter; this driver is receive-only");
    }
}
