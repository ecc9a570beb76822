package org.metergate.itests.provisioning.bundles;

/** A DS component of a test bundle whose reference nobody can satisfy (packed by TestBundles; never shipped). */
public final class LonelyComponent {
}
