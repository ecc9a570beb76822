package org.metergate.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.metergate.api.meter.DiscoveredMeter;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.core.DataDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meter registry: installed meters in a hash map keyed by address (lookups never scan), every
 * change appended to the registry file and synced before it returns. The file is read on a thread of
 * its own, so that a gateway with many meters activates its other components (links, transceivers)
 * meanwhile; every operation waits until the meters are loaded.
 */
@Component(service = {MeterRegistry.class, MeterDirectory.class}, configurationPid = "org.metergate.core.registry")
@Designate(ocd = RegistryConfig.class)
public final class MeterRegistryService implements MeterRegistry, MeterDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistryService.class);

    private final CompletableFuture<Map<MeterAddress, Meter>> loading;
    private final DiscoveredMeters discovered;
    private final RegistryLog log;

    @Activate
    public MeterRegistryService(RegistryConfig config) {
        this.log = new RegistryLog(DataDirectory.fileOrDefault(config.file(), "registry/meters.jsonl"));
        this.discovered = new DiscoveredMeters(config.discovered_max());
        this.loading = CompletableFuture.supplyAsync(this::load, task -> {
            Thread t = new Thread(task, "metergate-registry-load");
            t.setDaemon(true);
            t.start();
        });
    }

    private Map<MeterAddress, Meter> load() {
        try {
            long start = System.nanoTime();
            Map<MeterAddress, Meter> loaded = log.load();
            Map<MeterAddress, Meter> meters = new ConcurrentHashMap<>(loaded);
            if (log.lines() > 2L * meters.size() + 1000) {
                log.compact(loaded.values());
            }
            LOG.info("meter registry: {} meters installed, loaded in {} ms", meters.size(), (System.nanoTime() - start) / 1_000_000);
            return meters;
        } catch (IOException e) {
            LOG.error("meter registry could not be read: {}", e.getMessage());
            throw new UncheckedIOException("meter registry could not be read: " + e.getMessage(), e);
        }
    }

    /** The installed meters, once the file has been read. */
    private Map<MeterAddress, Meter> installed() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Deactivate
    public void close() throws IOException {
        try {
            loading.join();
        } catch (CompletionException e) {
            // nothing was opened
        }
        log.close();
    }

    @Override
    public Optional<Meter> find(MeterAddress address) {
        return Optional.ofNullable(installed().get(address));
    }

    @Override
    public Meter lookup(MeterAddress address) {
        return installed().get(address);
    }

    @Override
    public Collection<Meter> meters() {
        List<Meter> all = new ArrayList<>(installed().values());
        all.sort((a, b) -> a.address().compareTo(b.address()));
        return all;
    }

    @Override
    public int size() {
        return installed().size();
    }

    @Override
    public void install(Meter meter) {
        installAll(List.of(meter));
    }

    @Override
    public void installAll(Collection<Meter> list) {
        List<RegistryLog.Line> lines = new ArrayList<>(list.size());
        list.forEach(m -> lines.add(RegistryLog.Line.install(m)));
        Map<MeterAddress, Meter> meters = installed();
        write(lines);
        for (Meter m : list) {
            meters.put(m.address(), m);
            discovered.forget(m.address());
        }
    }

    @Override
    public boolean remove(MeterAddress address) {
        Map<MeterAddress, Meter> meters = installed();
        if (!meters.containsKey(address)) {
            return false;
        }
        write(List.of(RegistryLog.Line.remove(address)));
        return meters.remove(address) != null;
    }

    private void write(List<RegistryLog.Line> lines) {
        try {
            log.append(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("meter registry could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DiscoveredMeter> discovered() {
        return discovered.list();
    }

    @Override
    public boolean heardUninstalled(MeterAddress address, String link, OptionalInt rssi, Instant time) {
        return discovered.heard(address, link, rssi, time);
    }
}
