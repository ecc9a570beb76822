package org.metergate.wmbus;

/** How a telegram's counter compares with the last one accepted from the same meter. */
public enum ReplayVerdict {
    /** The first telegram of this meter the guard sees. */
    FIRST,
    /** The counter went forward. */
    FORWARD,
    /** The same counter again: the same telegram received twice (redundant receivers, repeaters). */
    SAME,
    /** The counter went back, but within the window: late or reordered reception. */
    WITHIN_WINDOW,
    /** The counter went back beyond the window: a replayed telegram. */
    REPLAY,
    /** Not checked: the telegram has no counter, failed its security check, or replay detection is off. */
    NOT_CHECKED
}
