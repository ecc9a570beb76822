package org.metergate.driver.tcp;

import java.io.IOException;
import java.time.Clock;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.link.MetergateInterface;
import org.metergate.api.radio.Transceiver;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.SupervisedTransceiver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Network receivers on the M interface, one input per configuration (factory PID {@code org.metergate.driver.tcp}):
 * frames arrive as hex lines (format in the package documentation), in the framing the line or the configuration
 * names, with the mode and RSSI the receiver reports. Receive-only.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.tcp",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = TcpConfig.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class TcpTransceiver extends SupervisedTransceiver<TcpSession> {

    private final TcpSettings settings;
    private volatile TcpSession session;

    @Activate
    public TcpTransceiver(TcpConfig config) throws IOException {
        this(TcpSettings.of(config), Clock.systemUTC());
        start();
    }

    TcpTransceiver(TcpSettings settings, Clock clock) throws IOException {
        super(settings.id(), settings.modes(), settings.modes(), settings.backoff(), clock);
        this.settings = settings;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected TcpSession openSession() throws IOException {
        TcpSession s = settings.server() ? ServerSession.listen(this, settings) : ClientSession.connect(this, settings);
        session = s;
        return s;
    }

    /** The port a server listens on (useful with port 0), or -1. */
    int localPort() {
        return session instanceof ServerSession s ? s.localPort() : -1;
    }

    void line(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return;
        }
        HexLine l;
        try {
            l = HexLine.parse(t, settings.defaultFormat());
        } catch (FrameFormatException e) {
            counters().fault(e.kind(), e.getMessage());
            return;
        }
        deliver(l.frame(), l.format(), l.rssiDbm(), l.mode());
    }

    @Override
    public LinkStatus status() {
        LinkStatus s = super.status();
        TcpSession now = session;
        return now == null || s.state() != LinkState.UP ? s : new LinkStatus(s.state(), s.received(), s.errors(), s.dropped(), s.lastReceived(),
                now.describe() + "; " + s.detail());
    }
}
