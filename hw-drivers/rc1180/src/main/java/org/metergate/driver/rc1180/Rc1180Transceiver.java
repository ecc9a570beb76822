package org.metergate.driver.rc1180;

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
 * A Radiocrafts RC1180-MBUS on the M interface, one per configuration (factory PID {@code org.metergate.driver.rc1180}).
 * The module passes only telegrams with correct link CRCs and strips them ({@link TelegramFormat#WMBUS_NO_CRC}); the
 * appended RSSI is converted to dBm. Receive-only.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.rc1180",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = Rc1180Config.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class Rc1180Transceiver extends SupervisedTransceiver<Rc1180Session> {

    private final Rc1180Settings settings;
    private final SerialPorts ports;

    @Activate
    public Rc1180Transceiver(Rc1180Config config, @Reference SerialPorts ports) throws IOException {
        this(Rc1180Settings.of(config), ports, Clock.systemUTC());
        start();
    }

    Rc1180Transceiver(Rc1180Settings settings, SerialPorts ports, Clock clock) throws IOException {
        super(settings.id(), Rc1180Mode.SUPPORTED, settings.modes(), settings.backoff(), clock);
        this.settings = settings;
        this.ports = ports;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected Rc1180Session openSession() throws IOException, InterruptedException {
        return Rc1180Session.open(ports, settings, this);
    }

    @Override
    protected Set<RadioModeId> choose(Set<RadioModeId> requested) {
        return Rc1180Mode.forReception(requested).modes();
    }

    void packetReceived(Rc1180Codec.Packet p) {
        OptionalInt rssi = p.rssi().isPresent() ? OptionalInt.of(Rc1180Codec.rssiDbm(p.rssi().getAsInt()))
                : OptionalInt.empty();
        deliver(p.frame(), TelegramFormat.WMBUS_NO_CRC, rssi, singleActiveMode());
    }
}
