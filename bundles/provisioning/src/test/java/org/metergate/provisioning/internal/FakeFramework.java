package org.metergate.provisioning.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metergate.pkg.Digests;
import org.metergate.pkg.Packages;

/** An in-memory framework: bundles with content (SHA-256), version and state, and switches to make things fail. */
final class FakeFramework implements FrameworkPort {

    static final class Bundle {
        final long id;
        final String location;
        String symbolicName;
        String version;
        String sha256;
        boolean active;
        final String originalVersion;
        final String originalSha;

        Bundle(long id, String location, String symbolicName, String version, String sha256) {
            this.id = id;
            this.location = location;
            this.symbolicName = symbolicName;
            this.version = version;
            this.sha256 = sha256;
            this.originalVersion = version;
            this.originalSha = sha256;
        }
    }

    final Map<Long, Bundle> bundles = new LinkedHashMap<>();
    final Set<String> failToStart = new HashSet<>();
    final Set<String> protectedNames = new HashSet<>();
    final List<String> log = new ArrayList<>();
    /** Throws {@link Crash} at this change number, to simulate a crash; 0 = never. */
    private int crashAt;
    private int changes;
    private long nextId = 1;

    /** A bundle the launcher installed. */
    Bundle base(String symbolicName, String version) {
        Bundle b = new Bundle(nextId++, "reference:file:/gateway/bundles/" + symbolicName + "-" + version + ".jar", symbolicName,
                version, "base-" + symbolicName + "-" + version);
        b.active = true;
        bundles.put(b.id, b);
        return b;
    }

    Optional<Bundle> named(String symbolicName) {
        return bundles.values().stream().filter(b -> b.symbolicName.equals(symbolicName)).findFirst();
    }

    /** The n-th change from now (1 = the next) crashes instead of happening; 0: no crash. */
    void crashAtChange(int n) {
        crashAt = n == 0 ? 0 : changes + n;
    }

    private void change(String what) {
        changes++;
        if (crashAt > 0 && changes == crashAt) {
            throw new Crash("crash before " + what);
        }
        log.add(what);
    }

    /** Simulates the power going off: nothing after it runs. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String m) {
            super(m);
        }
    }

    @Override
    public List<InstalledBundle> bundles() {
        List<InstalledBundle> out = new ArrayList<>();
        for (Bundle b : bundles.values()) {
            out.add(new InstalledBundle(b.id, b.symbolicName, b.version, b.location, b.active, false));
        }
        return out;
    }

    @Override
    public long install(String location, Path jar) throws Exception {
        change("install " + location);
        Packages.BundleIdentity id = Packages.bundleIdentity(jar);
        Bundle b = new Bundle(nextId++, location, id.symbolicName(), id.version(), Digests.sha256Hex(Files.readAllBytes(jar)));
        bundles.put(b.id, b);
        return b.id;
    }

    @Override
    public void update(long id, Path jar) throws Exception {
        Bundle b = bundles.get(id);
        change("update " + b.symbolicName);
        Packages.BundleIdentity i = Packages.bundleIdentity(jar);
        b.version = i.version();
        b.sha256 = Digests.sha256Hex(Files.readAllBytes(jar));
    }

    @Override
    public void restore(long id) {
        Bundle b = bundles.get(id);
        change("restore " + b.symbolicName);
        b.version = b.originalVersion;
        b.sha256 = b.originalSha;
    }

    @Override
    public void uninstall(long id) {
        change("uninstall " + bundles.get(id).symbolicName);
        bundles.remove(id);
    }

    @Override
    public void refresh(Collection<Long> ids, Duration timeout) {
        log.add("refresh");
    }

    @Override
    public void start(long id) throws Exception {
        Bundle b = bundles.get(id);
        change("start " + b.symbolicName);
        if (failToStart.contains(b.symbolicName)) {
            throw new Exception("activator of " + b.symbolicName + " threw");
        }
        b.active = true;
    }

    @Override
    public Set<String> protectedBundles() {
        return protectedNames;
    }

    @Override
    public Optional<String> originalVersion(long id) {
        return Optional.ofNullable(bundles.get(id)).map(b -> b.originalVersion);
    }
}
