package org.metergate.driver.rtlwmbus;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.OptionalInt;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.MetergateInterface;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.telegram.TelegramFormat;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;
import org.metergate.serial.support.SupervisedTransceiver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * rtl-wmbus on the M interface, one per configuration (factory PID {@code org.metergate.driver.rtlwmbus}): a command
 * is restarted with back-off when it ends, a path reopened. Datagrams come without CRCs ({@link
 * TelegramFormat#WMBUS_NO_CRC}); lines whose CRC or 3-out-of-6 check failed in rtl_wmbus are counted, not passed on.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.rtlwmbus",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RtlWmbusConfig.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class RtlWmbusTransceiver extends SupervisedTransceiver<LineSession> {

    private final RtlWmbusSettings settings;
    private volatile PathSession.Position position;
    private volatile boolean regularFile;

    @Activate
    public RtlWmbusTransceiver(RtlWmbusConfig config) throws IOException {
        this(RtlWmbusSettings.of(config), Clock.systemUTC());
        start();
    }

    RtlWmbusTransceiver(RtlWmbusSettings settings, Clock clock) throws IOException {
        super(settings.id(), settings.modes(), settings.modes(), settings.backoff(), clock);
        this.settings = settings;
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected LineSession openSession() throws IOException {
        if (!settings.command().isEmpty()) {
            return ProcessSession.start(this, settings);
        }
        if (settings.path().equals("-")) {
            return new StdinSession(this);
        }
        PathSession s = PathSession.open(this, settings, position);
        regularFile = s.regular();
        return s;
    }

    void position(PathSession.Position p) {
        position = p;
    }

    /** A recording in a file can wait for the pipeline; a live radio cannot. */
    @Override
    public boolean paced() {
        return regularFile;
    }

    void line(String text) {
        RtlWmbusLine l;
        try {
            l = RtlWmbusLine.parse(text);
        } catch (FrameFormatException e) {
            counters().fault(e.kind(), e.getMessage());
            return;
        }
        if (!l.codingOk()) {
            counters().fault(FaultKind.CODING, l.mode() + " datagram from " + l.id() + ": 3-out-of-6 error");
            return;
        }
        if (!l.crcOk()) {
            counters().fault(FaultKind.CHECKSUM, l.mode() + " datagram from " + l.id() + ": CRC error");
            return;
        }
        OptionalInt rssi = settings.rssiOffsetDb().isPresent()
                ? OptionalInt.of((int) Math.round(l.packetRssi() + settings.rssiOffsetDb().getAsDouble()))
                : OptionalInt.empty();
        for (byte[] d : l.datagrams()) {
            if (settings.useLineTimestamp()) {
                deliver(d, TelegramFormat.WMBUS_NO_CRC, rssi, l.mode(), l.time().atZone(ZoneId.systemDefault()).toInstant());
            } else {
                deliver(d, TelegramFormat.WMBUS_NO_CRC, rssi, l.mode());
            }
        }
    }
}
