/**
 * Driver for CUL, nanoCUL, CUN and other TI CC1101 sticks running culfw with wireless M-Bus support: an ASCII line
 * protocol (38400 baud on serial variants; USB CDC on the CUL).
 *
 * <p>Facts used (no code taken), from public sources:
 * <ul>
 * <li>culfw command reference and source ({@code clib/rf_mbus.c}): {@code V} answers the version line
 * ({@code V 1.67 nanoCUL868}); {@code brs} / {@code brt} switch reception to S / T mode (culfw 1.67+ adds {@code brc}
 * for C mode) and the stick answers {@code SMODE} / {@code TMODE} / {@code CMODE}; {@code bss<hex>} / {@code bst<hex>}
 * send a frame in S / T mode, given with its format A link CRCs (culfw's own example
 * {@code bss0F44AE0C7856341201074447780B12436587255D}); a received frame is printed as {@code b} followed by the hex
 * of the whole frame with its link CRCs, and - when RSSI reporting is on ({@code X<RR>} with bit 5, 0x20, e.g.
 * {@code X21}) - the CC1101's LQI and RSSI bytes appended.</li>
 * <li>culfw's C mode support (kaihs, used by FHEM and wmbusmeters): frame format B is marked with a {@code Y} after
 * the {@code b} ({@code bY...}).</li>
 * <li>The RSSI byte is the CC1101 RSSI register: dBm = raw / 2 - 74 for raw &lt; 128, (raw - 256) / 2 - 74 otherwise
 * (TI CC1101 data sheet, "RSSI"; 74 dB offset at 868 MHz), as FHEM's CUL and WMBUS modules convert it.</li>
 * <li>EN 13757-4 link layer: CRC polynomial x^16+x^13+x^12+x^11+x^10+x^8+x^6+x^5+x^2+1 (0x3D65), initial 0,
 * inverted, sent MSB first; format A: a first block of 10 bytes, then blocks of 16, each followed by its CRC;
 * format B: the L-field counts the CRCs, one CRC over the first 126 bytes and, for longer frames, one over the rest.</li>
 * </ul>
 */
package org.metergate.driver.cul;
