package org.metergate.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.metergate.features.FeatureAssembly;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One running gateway: an Apache Felix framework with the bundles of a feature assembly installed
 * and started in order, and the assembly's configurations handed to the OSGi Configurator.
 */
final class GatewayRuntime {

    private final Framework framework;
    private final InterfaceAnnouncer announcer;
    private final int bundleCount;
    private final List<String> failures;

    private GatewayRuntime(Framework framework, InterfaceAnnouncer announcer, int bundleCount, List<String> failures) {
        this.framework = framework;
        this.announcer = announcer;
        this.bundleCount = bundleCount;
        this.failures = failures;
    }

    /**
     * Starts Felix with fresh framework storage below {@code data}, installs every bundle file and
     * starts them in order. A bundle that fails to start is reported and the rest keep going: a
     * gateway keeps serving with what works.
     */
    static GatewayRuntime start(GatewayHome home, FeatureAssembly assembly, List<Path> bundleFiles, PrintStream out,
                                PrintStream err) throws BundleException {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, home.data().resolve("framework").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(FeatureAssembly.CONFIGURATOR_INITIAL, assembly.configuratorJson());
        props.put("felix.log.level", "1");

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, GatewayRuntime.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        // The launcher's own class path (JSON, feature reader) must not leak into bundles through the
        // context class loader: ServiceLoader calls inside the framework would find its providers.
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        Framework framework = factory.newFramework(props);
        framework.init();
        InterfaceAnnouncer announcer = new InterfaceAnnouncer(out);
        BundleContext context = framework.getBundleContext();
        try {
            context.addServiceListener(announcer, InterfaceAnnouncer.FILTER);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        framework.start();

        List<Bundle> bundles = new ArrayList<>();
        for (Path file : bundleFiles) {
            // reference: leaves the jar where it is instead of copying it into the framework storage
            bundles.add(context.installBundle("reference:" + file.toUri()));
        }
        List<String> failures = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                String msg = "bundle " + b.getSymbolicName() + " " + b.getVersion() + " failed to start: " + rootMessage(e);
                failures.add(msg);
                err.println(msg);
            }
        }
        return new GatewayRuntime(framework, announcer, bundles.size(), failures);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    /** Milliseconds since the JVM started. */
    static long uptimeMillis() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    int bundleCount() {
        return bundleCount;
    }

    List<String> failures() {
        return failures;
    }

    InterfaceAnnouncer announcer() {
        return announcer;
    }

    /** The framework's context, for the firmware trial's health check (launcher/firmware). */
    org.osgi.framework.BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /** Blocks until the framework has stopped (shell {@code stop 0}, a signal, or an update). */
    FrameworkEvent awaitStop() throws InterruptedException {
        return framework.waitForStop(0);
    }

    /** Stops the framework and waits up to {@code millis} for every bundle to stop. */
    boolean stop(long millis) throws BundleException, InterruptedException {
        framework.stop();
        return framework.waitForStop(millis).getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }
}
