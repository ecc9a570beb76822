/**
 * Serial ports as a service: a driver opens a port by its path (a {@code /dev/ttyUSB0}, a {@code /dev/serial/by-id/...}
 * link, a pseudo-terminal) with baud rate, data bits, parity, stop bits and flow control, and reads with a timeout,
 * through streams or a byte listener. A device that disappears (unplugged, its pseudo-terminal closed) is reported as
 * a {@link org.metergate.serial.SerialPortGoneException}, so drivers can reconnect.
 */
@Export
@Version("1.0.0")
package org.metergate.serial;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
