/**
 * The store-and-forward journal: uplink data (readings and events) is durable here before the
 * pipeline reports it accepted, and each consumer reads it through its own cursor.
 */
@Export
@Version("1.0.0")
package org.metergate.api.journal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
