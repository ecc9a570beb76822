package org.metergate.core.pipeline;

import java.time.Duration;

/**
 * How the pipeline behaves; see {@link PipelineConfig} for what each setting means.
 */
public record PipelineSettings(int queueCapacity, int batchTelegrams, Duration dedupWindow, int dedupCapacity,
                        boolean journalUninstalled, boolean installationMode, Duration securityEventInterval,
                        int linkErrorWindow, double linkErrorThreshold, Duration silenceCheck, double silenceGrace,
                        int recentEvents) {

    static PipelineSettings of(PipelineConfig c) {
        return new PipelineSettings(c.queue_capacity(), c.batch_telegrams(), Duration.ofMillis(c.dedup_window_ms()),
                c.dedup_capacity(), c.journal_uninstalled(), c.installation_mode(),
                Duration.ofSeconds(c.security_event_interval_s()), c.link_error_window(), c.link_error_threshold(),
                Duration.ofSeconds(c.silence_check_s()), c.silence_grace(), c.recent_events());
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(10_000, 512, Duration.ofSeconds(30), 20_000, false, false, Duration.ofMinutes(5),
                100, 0.2, Duration.ofMinutes(1), 0.1, 1000);
    }
}
