/**
 * Metering end devices as TR 50572 names them, identified the way EN 13757-3 addresses them:
 * manufacturer (FLAG three-letter code), identification number, version and device type (medium).
 */
@Export
@Version("1.0.0")
package org.metergate.api.meter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
