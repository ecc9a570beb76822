/**
 * The wireless M-Bus codec: decode ({@link org.metergate.wmbus.WMBusDecoder}) and encode ({@link org.metergate.wmbus.TelegramBuilder}) telegrams of EN 13757-4 and EN 13757-7 / OMS, with replay detection.
 */
@Export
@Version("1.0.0")
package org.metergate.wmbus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
