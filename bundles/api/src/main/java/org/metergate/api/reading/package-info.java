/**
 * What the gateway produces from meter data: readings (EN 13757-3 data records normalised to
 * quantity, exact value and unit) and events (alarms and communication faults), and the whiteboard
 * through which the TR 50572 consumers of that data (head-end on G, displays on H, relays on C,
 * peers on L/N) receive it.
 */
@Export
@Version("1.0.0")
package org.metergate.api.reading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
