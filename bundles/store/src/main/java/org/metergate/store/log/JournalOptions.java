package org.metergate.store.log;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link SegmentJournal} stores: where, how durably, in what segment size, how long.
 * Build with {@link #builder(Path)}; the defaults suit a gateway.
 */
public final class JournalOptions {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;

    private final Path directory;
    private final Durability durability;
    private final Duration groupCommitMaxWait;
    private final int groupCommitMaxBytes;
    private final int maxPendingBytes;
    private final long segmentBytes;
    private final Duration segmentMaxAge;
    private final long retentionMaxBytes;
    private final Duration retentionMaxAge;
    private final Duration retentionCheckInterval;
    private final int indexIntervalBytes;
    private final int maxRecordBytes;
    private final Clock clock;
    private final Consumer<String> notices;

    private JournalOptions(Builder b) {
        this.directory = b.directory;
        this.durability = b.durability;
        this.groupCommitMaxWait = b.groupCommitMaxWait;
        this.groupCommitMaxBytes = b.groupCommitMaxBytes;
        this.maxPendingBytes = b.maxPendingBytes;
        this.segmentBytes = b.segmentBytes;
        this.retentionMaxBytes = b.retentionMaxBytes;
        this.retentionMaxAge = b.retentionMaxAge;
        this.segmentMaxAge = b.segmentMaxAge != null ? b.segmentMaxAge
                : retentionMaxAge == null ? null : retentionMaxAge.dividedBy(8);
        this.retentionCheckInterval = b.retentionCheckInterval;
        this.indexIntervalBytes = b.indexIntervalBytes;
        this.maxRecordBytes = b.maxRecordBytes;
        this.clock = b.clock;
        this.notices = b.notices;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return directory;
    }

    public Durability durability() {
        return durability;
    }

    public Duration groupCommitMaxWait() {
        return groupCommitMaxWait;
    }

    public int groupCommitMaxBytes() {
        return groupCommitMaxBytes;
    }

    public int maxPendingBytes() {
        return maxPendingBytes;
    }

    public long segmentBytes() {
        return segmentBytes;
    }

    /** The age after which the segment being written is closed (so age retention can drop it); null: never. */
    public Duration segmentMaxAge() {
        return segmentMaxAge;
    }

    /** 0: no size limit. */
    public long retentionMaxBytes() {
        return retentionMaxBytes;
    }

    /** null: no age limit. */
    public Duration retentionMaxAge() {
        return retentionMaxAge;
    }

    public Duration retentionCheckInterval() {
        return retentionCheckInterval;
    }

    public int indexIntervalBytes() {
        return indexIntervalBytes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public Clock clock() {
        return clock;
    }

    /** Receives one-line notices about recovery and retention (torn tail cut off, unreadable cursor file). */
    public Consumer<String> notices() {
        return notices;
    }

    @Override
    public String toString() {
        return "directory=" + directory + ", durability=" + durability + ", groupCommitMaxWait=" + groupCommitMaxWait
                + ", segmentBytes=" + segmentBytes + ", retentionMaxBytes=" + retentionMaxBytes + ", retentionMaxAge="
                + retentionMaxAge + ", segmentMaxAge=" + segmentMaxAge;
    }

    public static final class Builder {
        private final Path directory;
        private Durability durability = Durability.GROUP_COMMIT;
        private Duration groupCommitMaxWait = Duration.ZERO;
        private int groupCommitMaxBytes = (int) MIB;
        private int maxPendingBytes = (int) (8 * MIB);
        private long segmentBytes = 16 * MIB;
        private Duration segmentMaxAge;
        private long retentionMaxBytes = 512 * MIB;
        private Duration retentionMaxAge = Duration.ofDays(90);
        private Duration retentionCheckInterval = Duration.ofMinutes(1);
        private int indexIntervalBytes = (int) (16 * KIB);
        private int maxRecordBytes = (int) MIB;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> notices = s -> { };

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        public Builder durability(Durability d) {
            this.durability = Objects.requireNonNull(d, "durability");
            return this;
        }

        /** How long the writer waits for more appends to share an fsync (group commit only); 0: not at all. */
        public Builder groupCommitMaxWait(Duration d) {
            this.groupCommitMaxWait = Objects.requireNonNull(d, "groupCommitMaxWait");
            return this;
        }

        /** The writer stops waiting for more appends once this many bytes are pending. */
        public Builder groupCommitMaxBytes(int bytes) {
            this.groupCommitMaxBytes = bytes;
            return this;
        }

        /** Appenders wait (back-pressure) while this many bytes wait for the disk. */
        public Builder maxPendingBytes(int bytes) {
            this.maxPendingBytes = bytes;
            return this;
        }

        public Builder segmentBytes(long bytes) {
            this.segmentBytes = bytes;
            return this;
        }

        /** Close the segment being written after this age; default: an eighth of the retention age. */
        public Builder segmentMaxAge(Duration d) {
            this.segmentMaxAge = d;
            return this;
        }

        /** 0: no size limit. */
        public Builder retentionMaxBytes(long bytes) {
            this.retentionMaxBytes = bytes;
            return this;
        }

        /** null or zero: no age limit. */
        public Builder retentionMaxAge(Duration d) {
            this.retentionMaxAge = d == null || d.isZero() ? null : d;
            return this;
        }

        public Builder retentionCheckInterval(Duration d) {
            this.retentionCheckInterval = Objects.requireNonNull(d, "retentionCheckInterval");
            return this;
        }

        public Builder indexIntervalBytes(int bytes) {
            this.indexIntervalBytes = bytes;
            return this;
        }

        public Builder maxRecordBytes(int bytes) {
            this.maxRecordBytes = bytes;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder notices(Consumer<String> n) {
            this.notices = Objects.requireNonNull(n, "notices");
            return this;
        }

        /** Checks the combination; a bad one is an {@link IllegalArgumentException} that names the option. */
        public JournalOptions build() {
            require(segmentBytes >= 4 * KIB, "segmentBytes must be at least 4 KiB: " + segmentBytes);
            require(retentionMaxBytes == 0 || retentionMaxBytes >= 2 * segmentBytes,
                    "retentionMaxBytes (" + retentionMaxBytes + ") must be 0 (no limit) or at least two segments (" + 2 * segmentBytes + ")");
            require(!groupCommitMaxWait.isNegative() && groupCommitMaxWait.compareTo(Duration.ofSeconds(1)) <= 0,
                    "groupCommitMaxWait must be 0..1 s: " + groupCommitMaxWait);
            require(groupCommitMaxBytes >= 1, "groupCommitMaxBytes must be positive: " + groupCommitMaxBytes);
            require(maxRecordBytes >= 256 && maxRecordBytes <= 64 * MIB, "maxRecordBytes must be 256 B..64 MiB: " + maxRecordBytes);
            require(maxPendingBytes >= maxRecordBytes, "maxPendingBytes (" + maxPendingBytes + ") must hold one record of maxRecordBytes (" + maxRecordBytes + ")");
            require(indexIntervalBytes >= 64, "indexIntervalBytes must be at least 64: " + indexIntervalBytes);
            require(!retentionCheckInterval.isNegative() && !retentionCheckInterval.isZero(), "retentionCheckInterval must be positive");
            require(segmentMaxAge == null || (!segmentMaxAge.isNegative() && !segmentMaxAge.isZero()), "segmentMaxAge must be positive");
            require(retentionMaxAge == null || !retentionMaxAge.isNegative(), "retentionMaxAge must not be negative");
            return new JournalOptions(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
