package org.metergate.core.pipeline;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Metergate uplink pipeline",
        description = "Decodes, de-duplicates and journals every telegram from every link.")
@interface PipelineConfig {

    @AttributeDefinition(name = "Queue capacity", description = "Telegrams waiting to be decoded before links are slowed down (replay, wired) or drop (radio)")
    int queue_capacity() default 10_000;

    @AttributeDefinition(name = "Batch size", description = "Telegrams decoded per journal batch at most")
    int batch_telegrams() default 512;

    @AttributeDefinition(name = "De-duplication window (ms)", description = "Receptions of the same transmission within this time are one telegram")
    long dedup_window_ms() default 30_000;

    @AttributeDefinition(name = "De-duplication capacity", description = "Transmissions remembered for de-duplication at most (bounds memory at any rate)")
    int dedup_capacity() default 20_000;

    @AttributeDefinition(name = "Journal meters not installed", description = "Keep readings of meters that are heard but not in the registry")
    boolean journal_uninstalled() default false;

    @AttributeDefinition(name = "Installation mode", description = "Install every meter whose telegrams can be decoded when it is first heard")
    boolean installation_mode() default false;

    @AttributeDefinition(name = "Security event interval (s)", description = "At most one decryption-failure or replay event per meter and kind in this time; all are counted")
    long security_event_interval_s() default 300;

    @AttributeDefinition(name = "Link error window", description = "Telegrams over which a link's error rate is computed")
    int link_error_window() default 100;

    @AttributeDefinition(name = "Link error threshold", description = "Error rate (0..1) above which a link raises an event")
    double link_error_threshold() default 0.2;

    @AttributeDefinition(name = "Silence check (s)", description = "How often meters are checked against their expected interval")
    long silence_check_s() default 60;

    @AttributeDefinition(name = "Silence grace", description = "Fraction of the expected interval a meter may be late before it counts as silent")
    double silence_grace() default 0.1;

    @AttributeDefinition(name = "Recent events kept", description = "Events kept in memory for the shell and displays")
    int recent_events() default 1000;
}
