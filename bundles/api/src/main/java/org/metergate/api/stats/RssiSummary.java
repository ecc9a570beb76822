package org.metergate.api.stats;

/**
 * Received signal strength of the receptions counted so far (EN 13757-4 receivers report RSSI in dBm).
 *
 * @param count receptions that carried an RSSI
 * @param min weakest, dBm (0 when count is 0)
 * @param max strongest, dBm (0 when count is 0)
 * @param average mean in dBm (0 when count is 0)
 */
public record RssiSummary(long count, int min, int max, double average) {

    public static final RssiSummary NONE = new RssiSummary(0, 0, 0, 0);
}
