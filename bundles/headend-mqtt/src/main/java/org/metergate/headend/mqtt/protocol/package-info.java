/**
 * The wire protocol of the G interface (TR 50572 G to the head-end system) in the namespace of
 * Eclipse Kura/Kapua: topic layout, the Kura payload model with its JSON and protobuf encodings, and
 * the JSON documents of pushed meter data. Plain Java: the gateway's link and the operator CLI share it.
 */
@Export
@Version("1.0.0")
package org.metergate.headend.mqtt.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
