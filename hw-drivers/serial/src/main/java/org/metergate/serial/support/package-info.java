/**
 * What every transceiver driver shares, in plain Java: reconnection with back-off ({@link
 * org.metergate.serial.support.ConnectionSupervisor}, {@link org.metergate.serial.support.Backoff}), counters of
 * frames, faults by kind, drops and reconnects ({@link org.metergate.serial.support.DriverCounters}), the
 * {@link org.metergate.api.radio.Transceiver} skeleton that ties them together
 * ({@link org.metergate.serial.support.SupervisedTransceiver}), and small stream helpers (byte queues, line
 * assembly, hex, request/response matching) for the device protocols.
 */
@Export
@Version("1.0.0")
package org.metergate.serial.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
