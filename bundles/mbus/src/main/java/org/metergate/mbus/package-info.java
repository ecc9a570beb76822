/**
 * The wired M-Bus codec (EN 13757-2 link layer, EN 13757-3 application layer): the one exception
 * every decoder throws, hex text helpers, and {@link org.metergate.mbus.MBusDecoder}, which decodes
 * a whole wired frame. Plain Java: usable outside OSGi.
 */
@Export
@Version("1.0.0")
package org.metergate.mbus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
