package org.metergate.store.log;

/** When {@code append} returns, relative to the disk. */
public enum Durability {
    /**
     * Group commit: concurrent appends share one {@code fdatasync}; each append returns once its
     * records are on disk. Optionally waits a little for more appends to join (see
     * {@link JournalOptions.Builder#groupCommitMaxWait}). The default.
     */
    GROUP_COMMIT,
    /** One {@code fdatasync} for every append, never shared: the slow, simple reference. */
    FSYNC_EACH_APPEND,
    /**
     * No {@code fsync} at all: records survive the process being killed (they are in the OS page
     * cache) but NOT a power loss or kernel crash. For tests and benchmarks only.
     */
    UNSAFE_NO_FSYNC_TESTS_ONLY;

    boolean syncs() {
        return this != UNSAFE_NO_FSYNC_TESTS_ONLY;
    }
}
