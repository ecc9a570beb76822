package org.metergate.link.wmbus;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.link.MeterLink;
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
 * A wireless M-Bus link (TR 50572 M interface on an LNAP, C on an NNAP): every transceiver that
 * matches its target is switched to the configured radio modes it supports and delivers its frames
 * here; the link stamps them with its id and hands them to the uplink pipeline. A radio cannot be
 * told to wait, so when the pipeline's queue is full the frame is dropped and counted; a paced
 * source (a recording) waits instead.
 */
@Component(service = MeterLink.class, configurationPid = "org.metergate.link.wmbus",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = WirelessLinkConfig.class, factory = true)
public final class WirelessLink implements MeterLink {

    private static final Logger LOG = LoggerFactory.getLogger(WirelessLink.class);

    private final String id;
    private final InterfaceTag tag;
    private final Set<RadioModeId> modes;
    private final TelegramSink sink;
    private final Map<Transceiver, TransceiverListener> attached = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Instant> last = new AtomicReference<>();
    private volatile String problem = "";

    @Activate
    public WirelessLink(WirelessLinkConfig config, @Reference TelegramSink sink) {
        this.id = config.metergate_link_id();
        this.tag = InterfaceTag.valueOf(config.metergate_interface());
        EnumSet<RadioModeId> m = EnumSet.noneOf(RadioModeId.class);
        for (String label : config.modes()) {
            m.add(RadioModeId.ofLabel(label));
        }
        this.modes = m;
        this.sink = sink;
        LOG.info("wireless M-Bus link {} ({}) receiving {}", id, tag, modes);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, name = "transceiver")
    void addTransceiver(Transceiver transceiver) {
        Set<RadioModeId> wanted = EnumSet.noneOf(RadioModeId.class);
        wanted.addAll(modes);
        wanted.retainAll(transceiver.supportedModes());
        if (wanted.isEmpty()) {
            problem = "transceiver " + transceiver.id() + " supports none of " + modes;
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
        boolean paced = transceiver.paced();
        TransceiverListener listener = t -> received(t, paced);
        attached.put(transceiver, listener);
        transceiver.setListener(listener);
        LOG.info("link {}: transceiver {} receiving {}", id, transceiver.id(), transceiver.activeModes());
    }

    void removeTransceiver(Transceiver transceiver) {
        if (attached.remove(transceiver) != null) {
            transceiver.setListener(null);
            LOG.info("link {}: transceiver {} gone", id, transceiver.id());
        }
    }

    private void received(RawTelegram t, boolean paced) {
        ReceiveInfo i = t.info();
        RawTelegram stamped = new RawTelegram(t.frame(), t.format(),
                new ReceiveInfo(i.time(), i.rssiDbm(), id, i.radioMode(), i.receiver()));
        received.incrementAndGet();
        last.set(i.time());
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

    @Deactivate
    void stop() {
        attached.keySet().forEach(t -> t.setListener(null));
        attached.clear();
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
                : attached.size() + " transceiver(s), modes " + modes;
        return new LinkStatus(state, received.get(), errors.get(), dropped.get(), Optional.ofNullable(last.get()), detail);
    }
}
