package org.metergate.link.wmbus;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.metergate.api.command.CommandHandler;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.link.MeterLink;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.radio.RadioMode;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.radio.TransceiverListener;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.ReceiveInfo;
import org.metergate.api.telegram.TelegramSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wireless M-Bus link (TR 50572 M interface on an LNAP, C on an NNAP). It receives the configured
 * radio modes whose radio mode bundles are deployed: as {@link RadioMode} services come and go, every
 * transceiver is switched to the modes it supports among them, and frames of a mode that went away
 * are not taken. Frames are stamped with the link's id and handed to the uplink pipeline; a radio
 * cannot be told to wait, so when the pipeline's queue is full the frame is dropped and counted, while a
 * paced source (a recording) waits. Commands for meters in bidirectional modes wait for the meter's
 * access window ({@link AccessWindowCommands}).
 */
@Component(service = {MeterLink.class, CommandHandler.class}, configurationPid = "org.metergate.link.wmbus",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = WirelessLinkConfig.class, factory = true)
public final class WirelessLink implements MeterLink, CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WirelessLink.class);

    private final String id;
    private final InterfaceTag tag;
    private final Set<RadioModeId> configured;
    private final TelegramSink sink;
    private final Map<RadioModeId, RadioMode> deployed = new ConcurrentHashMap<>();
    private volatile Set<RadioModeId> enabled = Set.of();
    private final Map<Transceiver, TransceiverListener> attached = new ConcurrentHashMap<>();
    private final Set<Transceiver> transceivers = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Instant> last = new AtomicReference<>();
    private final ScheduledExecutorService timer;
    private final AccessWindowCommands commands;
    private volatile String problem = "";

    @Activate
    public WirelessLink(WirelessLinkConfig config, @Reference TelegramSink sink) {
        this.id = config.metergate_link_id();
        this.tag = InterfaceTag.valueOf(config.metergate_interface());
        EnumSet<RadioModeId> m = EnumSet.noneOf(RadioModeId.class);
        for (String label : config.modes()) {
            m.add(RadioModeId.ofLabel(label));
        }
        this.configured = m;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metergate-link-" + config.metergate_link_id());
            t.setDaemon(true);
            return t;
        });
        ZoneId zone = config.meter_time_zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(config.meter_time_zone());
        this.commands = new AccessWindowCommands(Clock.systemUTC(), timer, (t, mode, f) -> t.send(mode, f), zone,
                Duration.ofMillis(config.answer_grace_ms()));
        LOG.info("wireless M-Bus link {} ({}) configured for {}", id, tag, configured);
    }

    // ---- radio modes: a mode is received only while its bundle is deployed

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, name = "mode")
    void addMode(RadioMode mode) {
        deployed.put(mode.id(), mode);
        modesChanged();
    }

    void removeMode(RadioMode mode) {
        deployed.remove(mode.id(), mode);
        modesChanged();
    }

    private synchronized void modesChanged() {
        EnumSet<RadioModeId> now = EnumSet.noneOf(RadioModeId.class);
        for (RadioModeId m : configured) {
            if (deployed.containsKey(m)) {
                now.add(m);
            }
        }
        if (now.equals(enabled)) {
            return;
        }
        enabled = Set.copyOf(now);
        LOG.info("link {}: receiving {} (configured {}, deployed {})", id, now, configured, deployed.keySet());
        for (Transceiver t : transceivers) {
            attach(t);
        }
    }

    // ---- transceivers

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, name = "transceiver")
    void addTransceiver(Transceiver transceiver) {
        transceivers.add(transceiver);
        synchronized (this) {
            attach(transceiver);
        }
    }

    void removeTransceiver(Transceiver transceiver) {
        transceivers.remove(transceiver);
        if (attached.remove(transceiver) != null) {
            transceiver.setListener(null);
            LOG.info("link {}: transceiver {} gone", id, transceiver.id());
        }
    }

    /** Switches a transceiver to the enabled modes it supports, or releases it when there are none. */
    private void attach(Transceiver transceiver) {
        Set<RadioModeId> wanted = EnumSet.noneOf(RadioModeId.class);
        wanted.addAll(enabled);
        wanted.retainAll(transceiver.supportedModes());
        if (wanted.isEmpty()) {
            problem = enabled.isEmpty() ? "none of the configured modes " + configured + " is deployed"
                    : "transceiver " + transceiver.id() + " supports none of " + enabled;
            if (attached.remove(transceiver) != null) {
                transceiver.setListener(null);
            }
            LOG.warn("link {}: {}", id, problem);
            return;
        }
        try {
            transceiver.activate(wanted);
        } catch (IOException e) {
            errors.incrementAndGet();
            problem = "transceiver " + transceiver.id() + " could not be switched to " + wanted + ": " + e.getMessage();
            LOG.error("link {}: {}", id, problem);
            return;
        }
        if (!attached.containsKey(transceiver)) {
            boolean paced = transceiver.paced();
            TransceiverListener listener = t -> received(transceiver, t, paced);
            attached.put(transceiver, listener);
            transceiver.setListener(listener);
        }
        LOG.info("link {}: transceiver {} receiving {}", id, transceiver.id(), transceiver.activeModes());
    }

    private void received(Transceiver from, RawTelegram t, boolean paced) {
        ReceiveInfo i = t.info();
        RadioModeId mode = mode(i.radioMode());
        Set<RadioModeId> now = enabled;
        if (mode != null ? !now.contains(mode) : now.isEmpty()) {
            filtered.incrementAndGet(); // heard while its mode was being switched off
            return;
        }
        RawTelegram stamped = new RawTelegram(t.frame(), t.format(),
                new ReceiveInfo(i.time(), i.rssiDbm(), id, i.radioMode(), i.receiver()));
        received.incrementAndGet();
        last.set(i.time());
        if (mode == null || mode.bidirectional() || commands.waiting() > 0) {
            AccessSignal.of(t).ifPresent(s -> commands.frame(s, i.time(), from, mode == null ? null : deployed.get(mode),
                    accessNumber(t)));
        }
        if (paced) {
            try {
                sink.accept(stamped);
            } catch (InterruptedException e) {
                dropped.incrementAndGet();
                Thread.currentThread().interrupt();
            }
        } else if (!sink.offer(stamped)) {
            dropped.incrementAndGet();
        }
    }

    private static RadioModeId mode(String label) {
        if (label.isEmpty()) {
            return null;
        }
        try {
            return RadioModeId.ofLabel(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The access number of a frame with a short TPL header right after the link layer, else -1. */
    private static int accessNumber(RawTelegram t) {
        return t.length() > 11 && t.byteAt(10) == 0x7A ? t.byteAt(11) : -1;
    }

    // ---- commands

    @Override
    public boolean reaches(MeterAddress meter) {
        return commands.reaches(meter);
    }

    @Override
    public CompletionStage<CommandResult> execute(CommandRequest request) {
        return commands.submit(request);
    }

    @Deactivate
    void stop() {
        attached.keySet().forEach(t -> t.setListener(null));
        attached.clear();
        timer.shutdownNow();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InterfaceTag interfaceTag() {
        return tag;
    }

    @Override
    public LinkStatus status() {
        LinkState state = attached.isEmpty() ? LinkState.DOWN : dropped.get() > 0 ? LinkState.DEGRADED : LinkState.UP;
        String detail = attached.isEmpty() ? (problem.isEmpty() ? "no transceiver" : problem)
                : attached.size() + " transceiver(s), receiving " + enabled + "; " + filtered.get()
                        + " frames of switched-off modes not taken; commands: " + commands.waiting() + " waiting, "
                        + commands.sentInWindow.get() + " sent in the access window, " + commands.sentLate.get()
                        + " sent late, " + commands.answered.get() + " answered";
        return new LinkStatus(state, received.get(), errors.get(), dropped.get(), Optional.ofNullable(last.get()), detail);
    }
}
