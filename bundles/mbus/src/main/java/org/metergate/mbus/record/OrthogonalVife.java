package org.metergate.mbus.record;

/**
 * A combinable (orthogonal) VIFE that modified a record's value information, e.g. "per hour",
 * "accumulation only if positive contributions", "at phase L1", a record error code.
 *
 * @param code the VIFE without its extension bit (0x00-0x7F)
 * @param extended true when the code comes from the extension table after VIFE 0x7C / 0xFC
 * @param description the standard's words for it
 */
public record OrthogonalVife(int code, boolean extended, String description) {
}
