/**
 * Driver for IMST iM871A (868 MHz: S, T, C, R modes) and iM170A (169 MHz: N modes) wireless M-Bus modules and USB
 * sticks, which speak the WM-Bus host controller interface (HCI) over a UART at 57600 baud, 8N1.
 *
 * <p>Facts used (no code taken), from public documents:
 * <ul>
 * <li>IMST GmbH, "Wireless M-Bus Host Controller Interface" (WMBus_HCI_Spec, doc. 4100/6404/0050, v1.6/v1.7):
 * frame = SOF 0xA5, control field (4 bits: 0x2 time stamp, 0x4 RSSI, 0x8 FCS attached) with endpoint id (4 bits),
 * message id, payload length, payload, then the optional 32-bit time stamp, 8-bit RSSI and 16-bit FCS; endpoints
 * DEVMGMT (1), RADIOLINK (2), RADIOLINKTEST (3), HWTEST (4); the message ids of DEVMGMT and RADIOLINK; the device
 * configuration with NVM flag and information-indicator flags (IIFlag1: device mode, link mode, ...; IIFlag2: ...
 * auto RSSI attachment 0x10, auto time stamp attachment 0x20); link modes S1=0, S1-m=1, S2=2, T1=3, T2=4, R2=5,
 * C1 format A/B = 6/7, C2 format A/B = 8/9, and from firmware 1.4 (HCI 1.7) C1+T1 combined = 10 on the iM871A;
 * RADIOLINK WMBUSMSG_IND carries the received frame from the C-field on (the length byte is the L-field).</li>
 * <li>The FCS is the CRC-16 of the control field through the last attached field, polynomial x^16+x^12+x^5+1
 * processed LSB first (0x8408), initial value 0xFFFF, inverted, sent LSB first (as wmbusmeters' im871a driver and
 * several open HCI implementations check it).</li>
 * <li>RSSI: the iM871A is built on the Silicon Labs Si1002; its data sheet (figure "RSSI vs. input power") gives
 * about 0.5 dB per step, -100 dBm at 45 and -20 dBm at 205, saturating near 0 dBm - the approximation wmbusmeters
 * and jMBus use too.</li>
 * <li>Device information: module type 0x33 = iM871A, 0x36 = iM170A, device mode, firmware version, HCI version,
 * 32-bit unique id (LSB first), as read by wmbusmeters and jMBus.</li>
 * </ul>
 */
package org.metergate.driver.im871a;
