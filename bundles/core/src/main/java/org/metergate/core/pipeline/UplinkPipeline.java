package org.metergate.core.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.metergate.api.journal.Journal;
import org.metergate.api.meter.MeterAddress;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.MeterEvent;
import org.metergate.api.reading.Reading;
import org.metergate.api.reading.ReadingQuery;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.api.stats.LinkStatistics;
import org.metergate.api.stats.MeterStatistics;
import org.metergate.api.stats.PipelineStatistics;
import org.metergate.api.telegram.RawTelegram;
import org.metergate.api.telegram.TelegramSink;
import org.metergate.core.registry.MeterDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink pipeline as a service: links hand telegrams to it ({@link TelegramSink}); it answers
 * for the communication statistics and the latest readings. Stopping it finishes the telegrams it
 * has taken (decoded and journaled) before it goes.
 */
@Component(service = {TelegramSink.class, CommunicationStatistics.class, ReadingQuery.class},
        configurationPid = "org.metergate.core.pipeline", immediate = true)
@Designate(ocd = PipelineConfig.class)
public final class UplinkPipeline implements TelegramSink, CommunicationStatistics, ReadingQuery {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkPipeline.class);

    private final PipelineEngine engine;
    private final ScheduledExecutorService watch;

    @Activate
    public UplinkPipeline(PipelineConfig config, @Reference Journal journal, @Reference MeterDirectory directory,
                          @Reference MeterRegistry registry, @Reference TelegramDecoder decoder) {
        PipelineSettings settings = PipelineSettings.of(config);
        this.engine = new PipelineEngine(settings, journal, directory, registry, decoder, Clock.systemUTC());
        this.engine.start();
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metergate-silence-watch");
            t.setDaemon(true);
            return t;
        });
        long every = settings.silenceCheck().toMillis();
        watch.scheduleWithFixedDelay(() -> {
            try {
                engine.checkSilence(registry::meters);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("silence check failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        watch.shutdownNow();
        engine.close();
    }

    @Override
    public void accept(RawTelegram telegram) throws InterruptedException {
        engine.accept(telegram);
    }

    @Override
    public boolean offer(RawTelegram telegram) {
        return engine.offer(telegram);
    }

    @Override
    public List<Reading> latest(MeterAddress meter) {
        return engine.latest(meter);
    }

    @Override
    public List<MeterEvent> recentEvents(int max) {
        return engine.recentEvents(max);
    }

    @Override
    public Optional<MeterStatistics> meter(MeterAddress meter) {
        return engine.stats().meter(meter);
    }

    @Override
    public List<MeterStatistics> meters() {
        return engine.stats().meters();
    }

    @Override
    public List<LinkStatistics> links() {
        return engine.stats().links();
    }

    @Override
    public PipelineStatistics pipeline() {
        return engine.stats().pipeline();
    }
}
