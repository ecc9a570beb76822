package org.metergate.api.journal;

/**
 * A snapshot of the store-and-forward journal (TR 50572 LNAP/NNAP data storage).
 *
 * @param firstSequence the oldest sequence still held (retention evicts older ones)
 * @param nextSequence the sequence the next appended item will get
 * @param sizeBytes bytes on disk
 * @param evicted items evicted by retention before every consumer had them
 */
public record JournalStatus(long firstSequence, long nextSequence, long sizeBytes, long evicted) {
}
