/**
 * MQTT 3.1.1 and 5 connections on Eclipse Paho behind one small interface, shared by the gateway's
 * head-end link and the operator CLI. Publishing completes on the broker's acknowledgement.
 */
@Export
@Version("1.0.0")
package org.metergate.headend.mqtt.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
