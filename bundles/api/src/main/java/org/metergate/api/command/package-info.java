/**
 * Downlink: commands from the head-end (TR 50572 "remote reading on demand", "clock
 * synchronisation", "connect / disconnect", "tariff programming") routed to the link that reaches
 * the meter.
 */
@Export
@Version("1.0.0")
package org.metergate.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
