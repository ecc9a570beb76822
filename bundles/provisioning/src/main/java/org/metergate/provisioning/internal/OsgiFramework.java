package org.metergate.provisioning.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** The installer's view of the real framework, through the provisioning bundle's context. */
final class OsgiFramework implements FrameworkPort {

    private final BundleContext context;

    OsgiFramework(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<InstalledBundle> bundles() {
        List<InstalledBundle> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            out.add(new InstalledBundle(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), b.getLocation(),
                    started(b), fragment(b)));
        }
        return out;
    }

    /** Active, or started with lazy activation and waiting for its first class load. */
    private static boolean started(Bundle b) {
        if (b.getState() == Bundle.ACTIVE) {
            return true;
        }
        String policy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return b.getState() == Bundle.STARTING && policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static boolean fragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private Bundle bundle(long id) throws BundleException {
        Bundle b = context.getBundle(id);
        if (b == null) {
            throw new BundleException("bundle " + id + " is gone");
        }
        return b;
    }

    @Override
    public long install(String location, Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in).getBundleId();
        }
    }

    @Override
    public void update(long id, Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle(id).update(in);
        }
    }

    @Override
    public void restore(long id) throws Exception {
        bundle(id).update();
    }

    @Override
    public void uninstall(long id) throws Exception {
        bundle(id).uninstall();
    }

    @Override
    public void refresh(Collection<Long> ids, Duration timeout) throws Exception {
        List<Bundle> bundles = new ArrayList<>();
        for (long id : ids) {
            Bundle b = context.getBundle(id);
            if (b != null) {
                bundles.add(b);
            }
        }
        // uninstalled bundles are no longer found by id: refreshing the removal pending set covers them
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles.isEmpty() ? null : bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new BundleException("the framework did not finish refreshing within " + timeout.toSeconds() + " s");
        }
    }

    @Override
    public void start(long id) throws Exception {
        Bundle b = bundle(id);
        String policy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        b.start(policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY) ? Bundle.START_ACTIVATION_POLICY : 0);
    }

    /** This bundle and every bundle it depends on, directly or not: refreshing one of them would stop the installer. */
    @Override
    public Set<String> protectedBundles() {
        Set<String> names = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>();
        todo.add(context.getBundle());
        while (!todo.isEmpty()) {
            Bundle b = todo.poll();
            if (!seen.add(b.getBundleId())) {
                continue;
            }
            if (b.getSymbolicName() != null) {
                names.add(b.getSymbolicName());
            }
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            for (BundleWire wire : w.getRequiredWires(null)) {
                Bundle provider = wire.getProvider().getBundle();
                if (provider.getBundleId() != 0) {
                    todo.add(provider);
                }
            }
        }
        return names;
    }

    @Override
    public Optional<String> originalVersion(long id) {
        Bundle b = context.getBundle(id);
        if (b == null) {
            return Optional.empty();
        }
        String location = b.getLocation();
        if (location.startsWith("reference:")) {
            location = location.substring("reference:".length());
        }
        try {
            URI uri = URI.create(location);
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            try (JarFile jar = new JarFile(Path.of(uri).toFile())) {
                String v = jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_VERSION);
                return Optional.ofNullable(v).map(s -> org.osgi.framework.Version.parseVersion(s.trim()).toString());
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
