/**
 * Driver for the Amber Wireless (now Würth Elektronik) AMB8465 wireless M-Bus USB stick and its module family (AMB8425,
 * AMB8426-M, Metis): a UART at 9600 baud, 8N1, with a command mode of 0xFF-framed messages.
 *
 * <p>Facts used (no code taken), from public documents:
 * <ul>
 * <li>AMBER wireless, "AMB8426-M / AMB8626-M manual" v2.4 (same command interface as the AMB8465): command frame =
 * 0xFF, command, length, payload, checksum = XOR of all preceding bytes from the 0xFF; every request (REQ) is
 * confirmed (CNF) with the command byte or 0x80; commands CMD_DATA_REQ 0x00, CMD_DATA_IND 0x03 (received data),
 * CMD_SET_MODE_REQ 0x04 (wM-Bus mode in volatile memory), CMD_RESET_REQ 0x05 (reset after the confirmation),
 * CMD_SET_REQ 0x09 / CMD_GET_REQ 0x0A (user settings by memory position and length; apply a reset after SET;
 * "verify the configuration with CMD_GET_REQ and only write if necessary"), CMD_SERIALNO_REQ 0x0B,
 * CMD_FWV_REQ 0x0C, CMD_RSSI_REQ 0x0D; status 0x00 = success; in transparent mode a telegram is a length byte
 * followed by the data, length 0xFF not allowed; RSSI in dBm = raw / 2 - 74 for raw &lt; 128, (raw - 256) / 2 - 74
 * otherwise.</li>
 * <li>Würth Elektronik Wireless Connectivity SDK, Metis driver: user settings UART_CMD_Out_Enable at memory position
 * 0x05, RSSI_Enable at 0x45, Mode_Preselect at 0x46; with RSSI_Enable the RSSI byte is the last data byte of
 * CMD_DATA_IND and counted in its length; the data of CMD_DATA_IND starts at the C-field, so the length (without the
 * RSSI) is the telegram's L-field.</li>
 * <li>The mode values of the 868 MHz modules (S1 0x01, S1-m 0x02, S2 0x03, T1-Meter 0x05, T1-Other 0x06, T2-Meter
 * 0x07, T2-Other 0x08, C2/T2-Other 0x09, R2-Meter 0x0A, R2-Other 0x0B, C1-Meter 0x0C, C2-Meter 0x0D, C2-Other 0x0E),
 * and that a collector hears S1/S1-m/S2 meters in S2, T1/T2 meters in T2-Other, C1/C2 meters in C2-Other and both T
 * and C meters in C2/T2-Other, as documented in wmbusmeters' amb8465 driver; FHEM's WMBUS module confirms that the
 * transparent length byte of these sticks counts the appended RSSI byte.</li>
 * </ul>
 */
package org.metergate.driver.amb8465;
