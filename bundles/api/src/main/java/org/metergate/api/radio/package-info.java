/**
 * EN 13757-4 radio modes and the transceivers (radio hardware) that receive and send in them. Each
 * radio mode is deployed as its own bundle; a gateway receives the modes whose bundles are deployed
 * and that its transceivers support.
 *
 * <p>Since 1.1 a {@link org.metergate.api.radio.RadioMode} also carries the mode's physical facts
 * ({@link org.metergate.api.radio.RadioModeSpec}, {@link org.metergate.api.radio.PhysicalChannel}) and
 * its bit-level frame handling ({@link org.metergate.api.radio.ChipSequence},
 * {@link org.metergate.api.radio.ChipDecoder}) for receivers that deliver chips instead of frames.
 */
@Export
@Version("1.1.0")
package org.metergate.api.radio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
