package org.metergate.provisioning.deploy;

import java.util.ArrayList;
import java.util.List;
import org.metergate.api.headend.HeadEndLink;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Bundles through the framework. The framework itself, the provisioning bundle and the bundles that
 * provide the head-end link are never stopped remotely: that would cut the head-end off the gateway.
 */
final class OsgiBundleControl implements BundleControl {

    private final BundleContext context;

    OsgiBundleControl(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<BundleInfo> bundles() {
        List<BundleInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(new BundleInfo(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(), state(b.getState()),
                    b.getLocation().startsWith("metergate-provisioning:")));
        }
        return out;
    }

    static String state(int s) {
        return switch (s) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }

    private Bundle bundle(long id) {
        Bundle b = context.getBundle(id);
        if (b == null) {
            throw new IllegalArgumentException("no bundle " + id);
        }
        return b;
    }

    @Override
    public void start(long id) throws Exception {
        bundle(id).start();
    }

    @Override
    public void stop(long id) throws Exception {
        Bundle b = bundle(id);
        if (id == 0 || b.equals(context.getBundle())) {
            throw new SecurityException("bundle " + id + " (" + b.getSymbolicName() + ") runs the gateway's provisioning");
        }
        ServiceReference<?>[] links = context.getAllServiceReferences(HeadEndLink.class.getName(), null);
        if (links != null) {
            for (ServiceReference<?> r : links) {
                if (r.getBundle() != null && r.getBundle().getBundleId() == id) {
                    throw new SecurityException("bundle " + id + " (" + b.getSymbolicName() + ") is the head-end link");
                }
            }
        }
        b.stop();
    }
}
