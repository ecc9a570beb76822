/**
 * Driver for the Radiocrafts RC1180-MBUS (and its MBUS3 firmware family: RC1170/RC1180-MBUS3) wireless M-Bus module:
 * a UART at 19200 baud, 8N1, that outputs every telegram it receives with correct CRCs, and a configuration mode.
 *
 * <p>Facts used (no code taken), from public documents:
 * <ul>
 * <li>Radiocrafts, "RC1180-MBUS Data Sheet" rev. 1.0/2.0: received packets are output as length, C-field,
 * manufacturer id (2 bytes), address (6 bytes), CI-field, application data and, optionally, the RSSI byte
 * (DATA_INTERFACE 0x00: packet with ID and address; RSSI_MODE 1: RSSI appended); configuration mode is entered by
 * sending 0x00 and answered with the '&gt;' prompt; the 'M' command ('&gt;' again) takes address/value pairs, the
 * address 0xFF without value ends it, and the module answers '&gt;' once its non-volatile memory is re-programmed;
 * 'X' leaves configuration mode; configuration memory addresses MBUS_MODE 0x03, RSSI_MODE 0x05, DATA_INTERFACE 0x36;
 * input power P = -RSSI/2 dBm (section "RSSI Reading").</li>
 * <li>Radiocrafts, "MBUS User Manual" v2.01 (MBUS3/MBUS4), configuration memory table: MBUS_MODE values S2 = 0,
 * T1 = 1, T2 = 2, S1 = 3, R = 4, C2 = 8, C1 = 9, T1+C = 10, T2+C = 11 ("modes 10 and 11 allow reception of both").
 * The older data sheet rev. 1.0 lists only 0 = S1 and 1 = T1; this driver follows the newer table.</li>
 * <li>Radiocrafts knowledge base ("UART CRC ... calculated from and including the original length byte ... to and
 * including the RSSI append byte"; "reduce the length byte by 2" when removing the UART CRC): the length byte counts
 * the bytes appended by the module, so with the RSSI appended it is the L-field plus one - as jMBus also reads it.</li>
 * </ul>
 */
package org.metergate.driver.rc1180;
