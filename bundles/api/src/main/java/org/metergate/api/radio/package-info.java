/**
 * EN 13757-4 radio modes and the transceivers (radio hardware) that receive and send in them. Each
 * radio mode is deployed as its own bundle; a gateway receives the modes whose bundles are deployed
 * and that its transceivers support.
 */
@Export
@Version("1.0.0")
package org.metergate.api.radio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
