package org.metergate.store.log;

/**
 * Counters of a journal since it was opened.
 *
 * @param appends append calls that returned
 * @param items items those appends carried
 * @param syncs fdatasync calls on segment data (group commit makes this smaller than appends)
 * @param bytesWritten segment bytes written
 * @param segments segment files held now
 */
public record JournalStats(long appends, long items, long syncs, long bytesWritten, int segments) {
}
