package org.metergate.itests.provisioning.bundles;

/** A DS component of a test bundle that needs its configuration and registers a service (packed by TestBundles). */
public final class GoodComponent implements Runnable {

    @Override
    public void run() {
        // a service to look for, nothing to do
    }
}
