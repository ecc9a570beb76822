package org.metergate.driver.cul;

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
import org.metergate.serial.support.SupervisedTransceiver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A culfw stick on the M interface, one per configuration (factory PID {@code org.metergate.driver.cul}). culfw hands
 * over frames with their link CRCs: the driver checks them (a bad one is a counted checksum fault) and delivers the
 * frame as it came, {@link TelegramFormat#WMBUS_FORMAT_A} or {@link TelegramFormat#WMBUS_FORMAT_B}, with the RSSI in
 * dBm. One mode family at a time; sends in S2 and T2.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.cul",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = CulConfig.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class CulTransceiver extends SupervisedTransceiver<CulSession> {

    private final CulSettings settings;
    private final SerialPorts ports;

    @Activate
    public CulTransceiver(CulConfig config, @Reference SerialPorts ports) throws IOException {
        this(CulSettings.of(config), ports, Clock.systemUTC());
        start();
    }

    CulTransceiver(CulSettings settings, SerialPorts ports, Clock clock) throws IOException {
        super(settings.id(), CulMode.SUPPORTED, settings.modes(), settings.backoff(), clock);
        this.settings = settings;
        this.ports = ports;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected CulSession openSession() throws IOException, InterruptedException {
        return CulSession.open(ports, settings, this);
    }

    @Override
    protected Set<RadioModeId> choose(Set<RadioModeId> requested) {
        return CulMode.forReception(requested).heard(requested);
    }

    void frameReceived(CulLine.Frame f) {
        OptionalInt rssi = f.rssi().isPresent() ? OptionalInt.of(CulLine.rssiDbm(f.rssi().getAsInt()))
                : OptionalInt.empty();
        deliver(f.frame(), f.format(), rssi, singleActiveMode());
    }
}
