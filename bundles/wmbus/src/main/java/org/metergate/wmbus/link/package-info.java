/**
 * The EN 13757-4 data link layer: L-, C-, M- and A-fields, frame formats A and B and their CRC.
 */
@Export
@Version("1.0.0")
package org.metergate.wmbus.link;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
