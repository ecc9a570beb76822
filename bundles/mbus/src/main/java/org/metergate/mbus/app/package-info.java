/**
 * EN 13757-3 application layer: the CI-field, the transport headers of responses (long header with
 * the meter's address, short header, no header), status byte and configuration field, the fixed
 * data structure, application errors, and the master's application messages (data send, slave
 * select, application reset, baud rate switch), decoded and encoded.
 */
@Export
@Version("1.0.0")
package org.metergate.mbus.app;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
