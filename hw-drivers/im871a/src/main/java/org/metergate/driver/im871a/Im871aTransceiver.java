package org.metergate.driver.im871a;

import java.io.IOException;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.Set;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.MetergateInterface;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.SerialPorts;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.SupervisedTransceiver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * An IMST iM871A or iM170A on the M interface, one per configuration (factory PID {@code org.metergate.driver.im871a}).
 * Frames come without link CRCs (the stick checks and strips them: {@link TelegramFormat#WMBUS_NO_CRC}), with RSSI
 * in dBm. The iM871A receives one mode at a time, or C1 and T1 together from firmware 1.4; it sends in S2, T2, C2
 * and R2, switching its link mode for the send and back.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.im871a",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = Im871aConfig.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class Im871aTransceiver extends SupervisedTransceiver<ImstSession> {

    private final Im871aSettings settings;
    private final SerialPorts ports;
    private volatile DeviceInfo deviceInfo;

    @Activate
    public Im871aTransceiver(Im871aConfig config, @Reference SerialPorts ports) throws IOException {
        this(Im871aSettings.of(config), ports, Clock.systemUTC());
        start();
    }

    Im871aTransceiver(Im871aSettings settings, SerialPorts ports, Clock clock) throws IOException {
        super(settings.id(), settings.model().modes(), settings.modes(), settings.backoff(), clock);
        this.settings = settings;
        this.ports = ports;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected ImstSession openSession() throws IOException, InterruptedException {
        return ImstSession.open(ports, settings, this);
    }

    @Override
    protected Set<RadioModeId> choose(Set<RadioModeId> requested) {
        DeviceInfo i = deviceInfo;
        boolean combined = i == null || i.firmware() >= ImstLinkMode.FIRMWARE_C1_T1;
        return ImstLinkMode.forReception(settings.model(), requested, combined).modes();
    }

    void narrowTo(Set<RadioModeId> modes) {
        narrowActiveModes(modes);
    }

    void deviceInfo(DeviceInfo info) {
        this.deviceInfo = info;
    }

    /** The stick's identity, once it answered. */
    DeviceInfo deviceInfo() {
        return deviceInfo;
    }

    /** A RADIOLINK_WMBUSMSG_IND: its length field is the frame's L-field, its payload the frame from the C-field on. */
    void frameReceived(HciFrame f, RadioModeId mode) {
        byte[] payload = f.payload();
        if (payload.length < 1) {
            counters().fault(FaultKind.FRAMING, "WMBUSMSG_IND without frame bytes");
            return;
        }
        byte[] frame = new byte[payload.length + 1];
        frame[0] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        OptionalInt rssi = f.rssi().isPresent() ? OptionalInt.of(ImstRssi.toDbm(f.rssi().getAsInt())) : OptionalInt.empty();
        deliver(frame, TelegramFormat.WMBUS_NO_CRC, rssi, mode);
    }
}
