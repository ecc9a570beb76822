package org.metergate.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalCursor;
import org.metergate.api.journal.JournalException;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.reading.Uplink;
import org.metergate.api.reading.UplinkEntry;
import org.metergate.store.log.JournalOptions;
import org.metergate.store.log.RecoveryReport;
import org.metergate.store.log.SegmentJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's {@link Journal} service: a {@link SegmentJournal} opened in the configured
 * directory. Immediate, so that recovery runs (and a damaged journal shows) when the gateway starts,
 * not when the first telegram arrives. A configuration change closes the journal and opens it again.
 */
@Component(service = Journal.class, configurationPid = JournalComponent.PID, immediate = true)
@Designate(ocd = JournalConfiguration.class)
public final class JournalComponent implements Journal {

    /** The configuration PID. */
    public static final String PID = "org.metergate.store";
    /** The system property through which the launcher publishes the gateway's writable data directory. */
    public static final String DATA_PROPERTY = "metergate.data";

    private static final Logger LOG = LoggerFactory.getLogger(JournalComponent.class);

    private final SegmentJournal journal;

    @Activate
    public JournalComponent(JournalConfiguration config) throws JournalException {
        JournalOptions options = options(config, System.getProperty(DATA_PROPERTY));
        this.journal = SegmentJournal.open(options);
        RecoveryReport r = journal.recovery();
        LOG.info("journal open in {}: {} segment(s), next sequence {}, {} consumer(s), recovery scanned {} bytes of {} in {} ms ({})",
                journal.directory(), r.segments(), r.nextSequence(), journal.consumers().size(), r.scannedBytes(),
                r.lastSegment(), r.took().toMillis(), options.durability());
    }

    /** The engine options for a configuration; a bad combination is a {@link JournalException} naming it. */
    static JournalOptions options(JournalConfiguration c, String dataDirectory) throws JournalException {
        Path dir;
        if (!c.directory().isBlank()) {
            dir = Path.of(c.directory().trim());
        } else if (dataDirectory != null && !dataDirectory.isBlank()) {
            dir = Path.of(dataDirectory.trim(), "journal");
        } else {
            throw new JournalException("no journal directory: configure 'directory' in " + PID
                    + " or start the gateway through its launcher, which sets the system property " + DATA_PROPERTY);
        }
        try {
            double waitMs = c.groupCommitMaxWaitMs();
            if (Double.isNaN(waitMs) || waitMs < 0 || waitMs > 1000) {
                throw new IllegalArgumentException("groupCommitMaxWaitMs must be 0..1000: " + waitMs);
            }
            long hours = c.retentionMaxAgeHours();
            if (hours < 0) {
                throw new IllegalArgumentException("retentionMaxAgeHours must not be negative: " + hours);
            }
            if (c.segmentSizeMb() < 1 || c.retentionMaxSizeMb() < 0 || c.groupCommitMaxKb() < 1
                    || c.retentionCheckIntervalSeconds() < 1) {
                throw new IllegalArgumentException("segmentSizeMb, groupCommitMaxKb and retentionCheckIntervalSeconds must be"
                        + " positive and retentionMaxSizeMb not negative");
            }
            return JournalOptions.builder(dir)
                    .durability(c.durability())
                    .groupCommitMaxWait(Duration.ofNanos(Math.round(waitMs * 1_000_000)))
                    .groupCommitMaxBytes((int) Math.min(Integer.MAX_VALUE / 4, c.groupCommitMaxKb() * JournalOptions.KIB))
                    .segmentBytes(c.segmentSizeMb() * JournalOptions.MIB)
                    .retentionMaxBytes(c.retentionMaxSizeMb() * JournalOptions.MIB)
                    .retentionMaxAge(hours == 0 ? null : Duration.ofHours(hours))
                    .retentionCheckInterval(Duration.ofSeconds(c.retentionCheckIntervalSeconds()))
                    .notices(LOG::warn)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new JournalException("bad configuration " + PID + ": " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        journal.close();
        LOG.info("journal closed in {}: {}", journal.directory(), journal.status());
    }

    @Override
    public List<UplinkEntry> append(List<? extends Uplink> items) throws JournalException {
        return journal.append(items);
    }

    @Override
    public JournalCursor cursor(String consumerId) throws JournalException {
        return journal.cursor(consumerId);
    }

    @Override
    public JournalStatus status() {
        return journal.status();
    }

    /** The engine, for tests and the shell of this bundle. */
    SegmentJournal engine() {
        return journal;
    }
}
