package org.metergate.itests.provisioning.bundles;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a test bundle that fails to start (packed by TestBundles; never shipped). */
public final class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("this test bundle refuses to start");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
