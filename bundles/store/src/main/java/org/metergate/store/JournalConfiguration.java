package org.metergate.store;

import org.metergate.store.log.Durability;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the journal (PID {@value JournalComponent#PID}); every property has a working default. */
@ObjectClassDefinition(name = "Metergate journal",
        description = "The durable store-and-forward journal: every reading and event is on disk before the gateway"
                + " reports it accepted, and stays until every consumer has acknowledged it or retention evicts it.")
public @interface JournalConfiguration {

    @AttributeDefinition(name = "Directory",
            description = "Where the journal keeps its files. Empty: the 'journal' folder in the gateway's data"
                    + " directory (system property metergate.data).")
    String directory() default "";

    @AttributeDefinition(name = "Durability",
            description = "GROUP_COMMIT: an append returns once it is synced to disk, concurrent appends share one"
                    + " sync (default). FSYNC_EACH_APPEND: one sync per append, never shared (slower)."
                    + " UNSAFE_NO_FSYNC_TESTS_ONLY: no sync at all; survives a crash of the gateway process but"
                    + " NOT a power loss. Never use it on a gateway.")
    Durability durability() default Durability.GROUP_COMMIT;

    @AttributeDefinition(name = "Group commit wait (ms)",
            description = "How long the writer waits for more appends to share one sync (0..1000 ms). 0 (default)"
                    + " syncs at once; appends that arrive during a sync share the next one anyway.")
    double groupCommitMaxWaitMs() default 0;

    @AttributeDefinition(name = "Group commit size (KiB)",
            description = "The writer stops waiting once this much data is pending.")
    int groupCommitMaxKb() default 1024;

    @AttributeDefinition(name = "Segment size (MiB)",
            description = "Size at which the journal starts a new segment file. Retention removes whole segments.")
    int segmentSizeMb() default 16;

    @AttributeDefinition(name = "Retention: maximum size (MiB)",
            description = "The oldest segments are evicted beyond this total size, read or not (a DATA_EVICTED"
                    + " event reports unread data). At least two segments; 0: no size limit.")
    int retentionMaxSizeMb() default 512;

    @AttributeDefinition(name = "Retention: maximum age (hours)",
            description = "Segments whose newest entry is older are evicted, read or not (a DATA_EVICTED event"
                    + " reports unread data). 0: no age limit. Default 2160 h = 90 days.")
    long retentionMaxAgeHours() default 2160;

    @AttributeDefinition(name = "Retention check interval (s)",
            description = "How often the age limit is checked. The size limit is checked after every write.")
    int retentionCheckIntervalSeconds() default 60;
}
