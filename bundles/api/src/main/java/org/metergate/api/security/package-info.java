/**
 * Meter keys (OMS / EN 13757-7 AES-128 keys per metering end device), held by a key store that
 * keeps them encrypted at rest and never shows them.
 */
@Export
@Version("1.0.0")
package org.metergate.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
