package org.metergate.driver.im871a;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.metergate.api.radio.RadioModeId;
import org.metergate.serial.SerialConnection;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.SerialSettings;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.ListeningSession;
import org.metergate.serial.support.ResponseQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to an IMST stick: opened with PING (is it there?), GET_DEVICEINFO (which model and firmware) and
 * SET_CONFIG (collector device mode, the link mode, RSSI and time stamp attached to every received frame). Received
 * frames (RADIOLINK_WMBUSMSG_IND) go to the transceiver; answers go to the command waiting for them.
 */
final class ImstSession extends ListeningSession {

    private static final Logger LOG = LoggerFactory.getLogger(ImstSession.class);
    /** SET_CONFIG IIFlag1 bits: device mode (0x01) and link mode (0x02). */
    private static final int IIFLAG1_DEVICE_AND_LINK_MODE = 0x03;
    /** Device mode "other": a collector, not a meter. */
    private static final int DEVICE_MODE_OTHER = 0x00;
    /** SET_CONFIG IIFlag2 bits: auto RSSI attachment (0x10) and auto time stamp attachment (0x20). */
    private static final int IIFLAG2_RSSI_AND_TIMESTAMP = 0x30;

    private final Im871aTransceiver owner;
    private final Im871aSettings settings;
    private final HciCodec codec;
    private final ResponseQueue<HciFrame> responses = new ResponseQueue<>();
    private volatile DeviceInfo info;
    private volatile ImstLinkMode receiving;

    private ImstSession(SerialConnection connection, Im871aSettings settings, Im871aTransceiver owner) {
        super(connection, owner.counters());
        this.owner = owner;
        this.settings = settings;
        this.codec = new HciCodec(owner.counters(), settings.staleMillis());
        startListening("metergate-im871a-" + settings.id());
    }

    static ImstSession open(SerialPorts ports, Im871aSettings settings, Im871aTransceiver owner)
            throws IOException, InterruptedException {
        SerialConnection c = ports.open(settings.port(), SerialSettings.of(settings.baudRate()));
        ImstSession s = new ImstSession(c, settings, owner);
        try {
            s.initialise();
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void initialise() throws IOException, InterruptedException {
        request(HciMessageId.DEVMGMT_PING_REQ, new byte[0], HciMessageId.DEVMGMT_PING_RSP);
        HciFrame rsp = request(HciMessageId.DEVMGMT_GET_DEVICEINFO_REQ, new byte[0],
                HciMessageId.DEVMGMT_GET_DEVICEINFO_RSP);
        try {
            info = DeviceInfo.decode(rsp.payload());
        } catch (FrameFormatException e) {
            owner.counters().fault(e.kind(), e.getMessage());
            throw new IOException("unusable device information: " + e.getMessage());
        }
        if (info.model() != settings.model()) {
            throw new IOException("configured for " + settings.model().label() + " but the device is " + info);
        }
        owner.deviceInfo(info);
        Set<RadioModeId> wanted = owner.activeModes();
        if (wanted.isEmpty()) {
            wanted = settings.model().modes();
        }
        ImstLinkMode mode = ImstLinkMode.forReception(settings.model(), wanted, combinedAllowed());
        if (!wanted.equals(mode.modes()) && wanted.containsAll(mode.modes()) && !owner.activeModes().isEmpty()) {
            owner.narrowTo(mode.modes());
        }
        configure(mode);
        receiving = mode;
        LOG.info("{}: {} on {} receiving {}", settings.id(), info, settings.port(), mode);
    }

    boolean combinedAllowed() {
        DeviceInfo i = info;
        return i == null || i.firmware() >= ImstLinkMode.FIRMWARE_C1_T1;
    }

    @Override
    protected void onBytes(byte[] data, int length) {
        codec.feed(data, length, System.nanoTime() / 1_000_000, this::handle);
    }

    @Override
    protected void onDecoderFailure() {
        codec.reset();
    }

    private void handle(HciFrame f) {
        switch (f.message()) {
            case RADIOLINK_WMBUSMSG_IND -> {
                ImstLinkMode now = receiving;
                owner.frameReceived(f, now == null ? null : now.singleMode());
            }
            case DEVMGMT_AES_DEC_ERROR_IND, RADIOLINKTEST_STATUS_IND ->
                    LOG.debug("{}: indication {} ignored", settings.id(), f.message());
            default -> responses.offer(f);
        }
    }

    /** Sends a request and waits for its response; one command at a time. */
    synchronized HciFrame request(HciMessageId request, byte[] payload, HciMessageId response)
            throws IOException, InterruptedException {
        responses.clear();
        write(HciCodec.encode(request, payload));
        return responses.await(f -> f.message() == response, settings.responseTimeout(), request.name());
    }

    private void configure(ImstLinkMode mode) throws IOException, InterruptedException {
        byte[] payload = {0x00 /* NVM flag: RAM only, the flash is not worn */, IIFLAG1_DEVICE_AND_LINK_MODE,
                DEVICE_MODE_OTHER, (byte) mode.code(), IIFLAG2_RSSI_AND_TIMESTAMP, 0x01, 0x01};
        HciFrame rsp = request(HciMessageId.DEVMGMT_SET_CONFIG_REQ, payload, HciMessageId.DEVMGMT_SET_CONFIG_RSP);
        if (rsp.status() != 0) {
            owner.counters().fault(FaultKind.REJECTED, "SET_CONFIG " + mode + ": status " + rsp.status());
            throw new IOException("stick rejected link mode " + mode + " (status " + rsp.status() + ")");
        }
    }

    @Override
    public synchronized void applyModes(Set<RadioModeId> modes) throws IOException, InterruptedException {
        ImstLinkMode mode = ImstLinkMode.forReception(settings.model(), modes, combinedAllowed());
        configure(mode);
        receiving = mode;
    }

    @Override
    public synchronized void send(RadioModeId mode, byte[] frame) throws IOException, InterruptedException {
        ImstLinkMode tx = ImstLinkMode.forSending(settings.model(), mode);
        ImstLinkMode rx = receiving;
        boolean switchMode = rx == null || tx.code() != rx.code();
        if (switchMode) {
            configure(tx);
        }
        try {
            // WMBUSMSG_REQ carries the frame from the C-field on; the stick adds L-field, CRCs and preamble
            HciFrame rsp = request(HciMessageId.RADIOLINK_WMBUSMSG_REQ, Arrays.copyOfRange(frame, 1, frame.length),
                    HciMessageId.RADIOLINK_WMBUSMSG_RSP);
            if (rsp.status() != 0) {
                owner.counters().fault(FaultKind.REJECTED, "WMBUSMSG_REQ in " + mode + ": status " + rsp.status());
                throw new IOException("stick refused to send in " + mode + " (status " + rsp.status() + ")");
            }
        } finally {
            if (switchMode && rx != null && !isGone()) {
                configure(rx);
            }
        }
    }
}
