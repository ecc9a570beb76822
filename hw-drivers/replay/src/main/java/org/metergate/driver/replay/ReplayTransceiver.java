package org.metergate.driver.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.link.LinkState;
import org.metergate.api.link.LinkStatus;
import org.metergate.api.link.MetergateInterface;
import org.metergate.api.radio.RadioModeId;
import org.metergate.api.radio.Transceiver;
import org.metergate.api.radio.TransceiverListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transceiver on the M interface whose "radio" is a recording: each configuration (factory PID
 * {@code org.metergate.driver.replay}) plays one replay file. It supports the modes that occur in
 * the recording and plays once a link has attached as listener. Immediate, like every driver: it
 * opens its source when configured, not when first used, so a broken source shows at once.
 */
@Component(service = Transceiver.class, configurationPid = "org.metergate.driver.replay",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ReplayConfig.class, factory = true)
@MetergateInterface(InterfaceTag.M)
public final class ReplayTransceiver implements Transceiver {

    static final String BUNDLED_RECORDING = "demo.replay";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayTransceiver.class);

    private final String id;
    private final Set<RadioModeId> supported;
    private volatile Set<RadioModeId> active;
    private volatile TransceiverListener listener;
    private final ReplayPlayer player;
    private final Thread thread;

    @Activate
    public ReplayTransceiver(ReplayConfig config) throws IOException, ReplayFileException {
        this.id = config.metergate_transceiver_id();
        Recording recording = recording(config.file());
        // read it through once: a broken line shows now, not in the middle of the replay
        EnumSet<RadioModeId> modes = EnumSet.noneOf(RadioModeId.class);
        long count = 0;
        try (Recording.Frames frames = recording.open()) {
            for (RecordedFrame f = frames.next(); f != null; f = frames.next()) {
                count++;
                if (f.mode() != null) {
                    modes.add(f.mode());
                }
            }
        }
        this.supported = Collections.unmodifiableSet(modes);
        this.active = supported;
        this.player = new ReplayPlayer(id, recording, config.speed(), config.loop(), () -> listener, () -> active,
                Clock.systemUTC(), Thread::sleep);
        this.thread = new Thread(player, "metergate-replay-" + id);
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("replay transceiver {}: {} frames in modes {} from {}", id, count, supported,
                config.file().isEmpty() ? "the bundled recording" : config.file());
    }

    /** The bundled recording or a file, read a frame at a time whenever it is played. */
    private static Recording recording(String file) {
        if (file.isEmpty()) {
            return () -> {
                InputStream in = ReplayTransceiver.class.getResourceAsStream(BUNDLED_RECORDING);
                if (in == null) {
                    throw new IOException("bundled recording " + BUNDLED_RECORDING + " is missing");
                }
                return new ReplayFile.Lines(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_RECORDING);
            };
        }
        Path path = Path.of(file);
        return () -> new ReplayFile.Lines(Files.newBufferedReader(path, StandardCharsets.UTF_8), file);
    }

    @Deactivate
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(2000);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<RadioModeId> supportedModes() {
        return supported;
    }

    @Override
    public Set<RadioModeId> activeModes() {
        return active;
    }

    @Override
    public void activate(Set<RadioModeId> modes) throws IOException {
        EnumSet<RadioModeId> wanted = modes.isEmpty() ? EnumSet.noneOf(RadioModeId.class) : EnumSet.copyOf(modes);
        if (!supported.containsAll(wanted)) {
            wanted.removeAll(supported);
            throw new IOException("replay " + id + " has no frames in modes " + wanted);
        }
        active = Collections.unmodifiableSet(wanted);
    }

    @Override
    public void setListener(TransceiverListener listener) {
        this.listener = listener;
    }

    @Override
    public void send(RadioModeId mode, byte[] frame) throws IOException {
        throw new IOException("replay " + id + " is receive-only: a recording cannot answer");
    }

    /** A recording waits for the pipeline: nothing of it is lost however fast it plays. */
    @Override
    public boolean paced() {
        return true;
    }

    @Override
    public LinkStatus status() {
        LinkState state = player.failure() != null ? LinkState.DOWN
                : !thread.isAlive() ? LinkState.STOPPED : listener == null ? LinkState.STARTING : LinkState.UP;
        String detail = player.failure() != null ? "recording unreadable: " + player.failure()
                : (thread.isAlive() ? "" : "recording played to the end; ") + player.filtered() + " frames in inactive modes skipped";
        return new LinkStatus(state, player.delivered(), player.failure() == null ? 0 : 1, 0,
                Optional.ofNullable(player.lastDelivered()), detail);
    }
}
