package org.metergate.driver.amb8465;

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
 * An Amber AMB8465 (Würth Metis) on the M interface, one per configuration (factory PID
 * {@code org.metergate.driver.amb8465}). The module checks and strips the link CRCs ({@link
 * TelegramFormat#WMBUS_NO_CRC}); RSSI comes in dBm. It receives S, T, C or T+C meters and sends in S2, T2, C2 and R2
 * (from the C-field on: the module must not insert its own block 1).
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.amb8465",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = Amb8465Config.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class Amb8465Transceiver extends SupervisedTransceiver<AmberSession> {

    private final Amb8465Settings settings;
    private final SerialPorts ports;

    @Activate
    public Amb8465Transceiver(Amb8465Config config, @Reference SerialPorts ports) throws IOException {
        this(Amb8465Settings.of(config), ports, Clock.systemUTC());
        start();
    }

    Amb8465Transceiver(Amb8465Settings settings, SerialPorts ports, Clock clock) throws IOException {
        super(settings.id(), AmberMode.SUPPORTED, settings.modes(), settings.backoff(), clock);
        this.settings = settings;
        this.ports = ports;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected AmberSession openSession() throws IOException, InterruptedException {
        return AmberSession.open(ports, settings, this);
    }

    @Override
    protected Set<RadioModeId> choose(Set<RadioModeId> requested) {
        return AmberMode.forReception(requested).heard(requested);
    }

    void telegramReceived(AmberMessage.Telegram t) {
        OptionalInt rssi = t.rssi().isPresent() ? OptionalInt.of(AmberRssi.toDbm(t.rssi().getAsInt()))
                : OptionalInt.empty();
        deliver(t.frame(), TelegramFormat.WMBUS_NO_CRC, rssi, singleActiveMode());
    }
}
