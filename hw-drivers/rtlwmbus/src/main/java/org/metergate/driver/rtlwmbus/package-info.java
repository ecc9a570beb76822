/**
 * A transceiver for software-defined radio: the text output of rtl-wmbus (an RTL2832 dongle's samples from
 * {@code rtl_sdr} piped into {@code rtl_wmbus}), read from a command line the driver runs, from a FIFO, from a file
 * (followed as it grows) or from standard input.
 *
 * <p>Facts used (no code taken), from the rtl-wmbus README (xaelsouth/rtl-wmbus): one datagram per line,
 * semicolon-separated, {@code MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;
 * DATAGRAM_WITHOUT_CRC_BYTES}, e.g. {@code T1;1;1;2019-03-25 10:26:02.000;97;148;12345678;0x...}; modes T1, C1 and S1
 * (S1 when run at 868.3 MHz, all three with {@code -s}); 3OUTOF6OK only means something for T1; the datagram is
 * printed as {@code 0x} and hex, the link CRCs removed, the L-field as for format A (older versions printed C1 format
 * B L-fields with the CRCs counted); good packets are the ones starting {@code <mode>;1;1}. The README gives no unit
 * for PACKET_RSSI (a level on rtl-wmbus' own scale, not dBm), so the driver reports no RSSI unless an offset that
 * calibrates it to dBm is configured. wmbusmeters' rtlwmbus driver reads the same lines and notes that a line may
 * carry a second datagram after another {@code ;0x}.
 */
package org.metergate.driver.rtlwmbus;
