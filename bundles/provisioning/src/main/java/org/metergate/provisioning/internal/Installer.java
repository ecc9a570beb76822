package org.metergate.provisioning.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.metergate.pkg.Artifact;
import org.metergate.pkg.ArtifactRole;
import org.metergate.pkg.DurableFiles;
import org.metergate.pkg.FeatureHeader;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageKind;
import org.metergate.pkg.PackageManifest;
import org.metergate.pkg.PackageVerifier;
import org.metergate.pkg.Packages;
import org.metergate.pkg.VerifiedPackage;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional installer of features and bundles (see the package documentation of
 * {@code org.metergate.provisioning} for the steps). One call at a time: the methods are synchronized.
 *
 * <p>The gateway's framework is the gateway's own bundles (installed by the launcher) plus what the
 * committed units add: each unit bundle that the gateway already has in the same version is shared and
 * left alone, any other is installed (location {@value FrameworkPort#LOCATION_PREFIX}{@code <symbolic
 * name>}) or replaces the gateway's bundle of that name in place. Which content provisioning put into
 * which bundle is kept in {@code applied.json} in this bundle's storage area, so it lives and dies with
 * the framework's own storage.
 */
final class Installer {

    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);
    /** Marks a bundle whose content is unknown after a crash: it is always put back. */
    static final String UNKNOWN = "?";

    private final Settings settings;
    private final FrameworkPort framework;
    private final ConfigPort configs;
    private final HealthPort health;
    private final Clock clock;
    private final StateStore stateStore;
    private final TransactionJournal journal;
    private final ArtifactStore artifacts;
    private final Path appliedFile;
    private final Map<String, String> applied = new TreeMap<>();
    /** The committed state; read without the lock, so queries never wait for a transaction. */
    private volatile ProvisioningState state = ProvisioningState.empty();
    private long lastTx;

    Installer(Settings settings, FrameworkPort framework, ConfigPort configs, HealthPort health, Path appliedFile, Clock clock) {
        this.settings = settings;
        this.framework = framework;
        this.configs = configs;
        this.health = health;
        this.clock = clock;
        this.stateStore = new StateStore(settings.stateDir());
        this.journal = new TransactionJournal(settings.stateDir());
        this.artifacts = new ArtifactStore(settings.stateDir().resolve("artifacts"));
        this.appliedFile = appliedFile;
    }

    // ---------------------------------------------------------------- start

    /**
     * Brings the framework to the committed state: an open transaction in the journal is undone first
     * (or completed, when its state was already committed).
     */
    synchronized void start() throws IOException {
        state = stateStore.read();
        lastTx = Math.max(state.transaction(), journal.lastTransaction());
        readApplied();
        Optional<List<JsonNode>> open = journal.openTransaction();
        Map<String, Optional<Hashtable<String, Object>>> restoreConfigs = Map.of();
        long recoveredTx = -1;
        if (open.isPresent()) {
            List<JsonNode> tx = open.get();
            long id = tx.get(0).path("tx").asLong();
            if (state.transaction() == id) {
                LOG.info("transaction {} was committed before the stop; completing its journal", id);
                journal.append(TransactionJournal.record(id, "COMMIT"));
            } else {
                LOG.warn("transaction {} ({} {}) was interrupted: going back to the committed state", id,
                        tx.get(0).path("op").asText(), tx.get(0).path("unit").asText());
                for (JsonNode n : tx) {
                    if (n.path("step").asText().equals("STEP") && n.has("bundle")) {
                        applied.put(n.path("bundle").asText(), UNKNOWN);
                    }
                }
                writeApplied();
                restoreConfigs = snapshotOf(tx.get(0));
                recoveredTx = id;
            }
        }
        List<String> problems = new ArrayList<>();
        try {
            apply(desired(state), Optional.empty(), problems, -1);
            for (Map.Entry<String, Optional<Hashtable<String, Object>>> e : restoreConfigs.entrySet()) {
                restoreConfig(e.getKey(), e.getValue());
            }
            startUnitBundles(desired(state), problems);
        } catch (Exception e) {
            problems.add(e.toString());
        }
        if (recoveredTx >= 0) {
            ObjectNode r = TransactionJournal.record(recoveredTx, "RECOVERED");
            r.put("problems", String.join("; ", problems));
            journal.append(r);
        }
        if (!problems.isEmpty()) {
            LOG.error("provisioning could not restore every committed unit: {}", problems);
        }
        journal.compact();
        artifacts.retainOnly(referencedArtifacts(state));
        LOG.info("provisioning: {} unit(s) installed: {}", state.units().size(),
                state.units().stream().map(u -> u.id() + "@" + u.version()).toList());
    }

    ProvisioningState state() {
        return state;
    }

    // ---------------------------------------------------------------- install

    synchronized DeploymentResult install(Path packageFile, ProgressListener listener) {
        listener.progress(Phase.VERIFYING, 10, "verifying " + packageFile.getFileName());
        VerifiedPackage pkg;
        PackageManifest peek = peekManifest(packageFile);
        try {
            // the very package that is installed: nothing to do (before the sequence check, which refuses it)
            Optional<UnitRecord> current = peek == null ? Optional.empty() : state.unit(peek.id());
            if (current.isPresent() && current.get().manifestSha256().equals(manifestSha256(packageFile))) {
                return done(listener, Phase.COMPLETED, peek, "ALREADY_INSTALLED", peek.label() + " is already installed");
            }
            PackageVerifier verifier = new PackageVerifier(settings.trustAnchors().get(), settings.gateway().get(), state::lastSequence);
            pkg = verifier.verify(packageFile);
        } catch (PackageException e) {
            return done(listener, Phase.FAILED, peek, e.reason().name(), e.getMessage());
        }
        try (pkg) {
            PackageManifest m = pkg.manifest();
            if (m.kind() == PackageKind.FIRMWARE) {
                return new FirmwareWriter(settings).write(pkg, listener);
            }
            UnitRecord unit;
            try {
                unit = stage(pkg);
            } catch (PackageException e) {
                return done(listener, Phase.FAILED, m, e.reason().name(), e.getMessage());
            } catch (IOException e) {
                return done(listener, Phase.FAILED, m, "ERROR", "staging " + m.label() + ": " + e.getMessage());
            }
            Optional<UnitRecord> before = state.unit(unit.id());
            UnitRecord withPrevious = unit.withPrevious(before);
            String conflict;
            try {
                conflict = conflicts(withPrevious);
            } catch (IOException e) {
                return done(listener, Phase.FAILED, m, "ERROR", e.getMessage());
            }
            if (conflict != null) {
                return done(listener, Phase.FAILED, m, "CONFLICT", conflict);
            }
            long tx = ++lastTx;
            return transaction(tx, "install", m.label(), state.with(withPrevious, tx), listener, m.id(), m.version());
        }
    }

    synchronized DeploymentResult uninstall(String unitId, ProgressListener listener) {
        Optional<UnitRecord> unit = state.unit(unitId);
        if (unit.isEmpty()) {
            return new DeploymentResult(Phase.FAILED, unitId, "", "NOT_FOUND", "no unit " + unitId + " is installed");
        }
        long tx = ++lastTx;
        listener.progress(Phase.VERIFYING, 10, "removing " + unitId);
        return transaction(tx, "uninstall", unitId + "@" + unit.get().version(), state.without(unitId, tx), listener,
                unitId, unit.get().version());
    }

    synchronized DeploymentResult rollback(String unitId, ProgressListener listener) {
        Optional<UnitRecord> unit = state.unit(unitId);
        if (unit.isEmpty() || unit.get().previous().isEmpty()) {
            return new DeploymentResult(Phase.FAILED, unitId, "", "NOT_FOUND",
                    unit.isEmpty() ? "no unit " + unitId + " is installed" : unitId + " has no previous version to go back to");
        }
        UnitRecord previous = unit.get().previous().get();
        for (UnitRecord.BundleRecord b : previous.bundles()) {
            if (!artifacts.has(b.sha256())) {
                return new DeploymentResult(Phase.FAILED, unitId, previous.version(), "ERROR", "the previous version's bundle "
                        + b.symbolicName() + " is no longer stored");
            }
        }
        long tx = ++lastTx;
        listener.progress(Phase.VERIFYING, 10, "going back to " + unitId + "@" + previous.version());
        // the sequence high-water mark stays: the newer package remains accepted, older ones stay refused
        ProvisioningState target = state.with(previous, tx);
        target = new ProvisioningState(target.units(), state.sequences(), tx);
        return transaction(tx, "rollback", unitId + "@" + previous.version(), target, listener, unitId, previous.version());
    }

    // ---------------------------------------------------------------- staging

    private static PackageManifest peekManifest(Path file) {
        try (var f = org.metergate.pkg.PackageFile.open(file)) {
            return f.manifest();
        } catch (PackageException e) {
            return null;
        }
    }

    private static String manifestSha256(Path file) throws PackageException {
        try (var f = org.metergate.pkg.PackageFile.open(file)) {
            return org.metergate.pkg.Digests.sha256Hex(f.manifestBytes());
        }
    }

    /** Copies the package's artifacts into the store (hashed again) and describes the unit. */
    private UnitRecord stage(VerifiedPackage pkg) throws PackageException, IOException {
        PackageManifest m = pkg.manifest();
        List<UnitRecord.BundleRecord> bundles = new ArrayList<>();
        Optional<String> feature = Optional.empty();
        if (m.kind() == PackageKind.FEATURE) {
            Artifact f = m.artifacts(ArtifactRole.FEATURE).get(0);
            byte[] json = pkg.read(f);
            FeatureHeader h = FeatureHeader.parse(json, "feature.json of " + m.label());
            if (!h.packageId().equals(m.id()) || !h.version().equals(m.version())) {
                throw new PackageException(PackageException.Reason.MALFORMED, "the feature " + h.featureId()
                        + " does not match the manifest's " + m.id() + "@" + m.version());
            }
            try {
                FeatureConfigurations.ofFeature(json);
            } catch (IOException | RuntimeException e) {
                throw new PackageException(PackageException.Reason.MALFORMED, "the configurations of " + h.featureId()
                        + " cannot be read: " + e.getMessage());
            }
            feature = Optional.of(artifacts.put(json));
            for (var c : h.bundles()) {
                Artifact a = m.artifact(c.packagePath()).orElseThrow(() -> new PackageException(
                        PackageException.Reason.MALFORMED, "the package lacks bundle " + c + " that its feature names"));
                bundles.add(bundleRecord(pkg, a));
            }
            if (m.artifacts(ArtifactRole.BUNDLE).size() != h.bundles().size()) {
                throw new PackageException(PackageException.Reason.MALFORMED, "the package holds bundles its feature does not name");
            }
        } else {
            bundles.add(bundleRecord(pkg, m.artifacts(ArtifactRole.BUNDLE).get(0)));
            if (!bundles.get(0).symbolicName().equals(m.id())) {
                throw new PackageException(PackageException.Reason.MALFORMED, "the bundle is " + bundles.get(0).symbolicName()
                        + ", the manifest says " + m.id());
            }
        }
        return new UnitRecord(m.id(), m.kind(), m.version(), m.sequence(), pkg.manifestSha256(), pkg.signer().keyId(),
                clock.instant(), bundles, feature, Optional.empty());
    }

    private UnitRecord.BundleRecord bundleRecord(VerifiedPackage pkg, Artifact a) throws PackageException, IOException {
        Path stored = artifacts.put(pkg, a);
        Packages.BundleIdentity id = Packages.bundleIdentity(stored);
        return new UnitRecord.BundleRecord(id.symbolicName(), id.version(), a.sha256());
    }

    /** Why a unit cannot join the committed state, or null. */
    private String conflicts(UnitRecord unit) throws IOException {
        Map<String, String> base = baseVersions();
        Set<String> protectedBundles = framework.protectedBundles();
        for (UnitRecord.BundleRecord b : unit.bundles()) {
            boolean shared = b.version().equals(base.get(b.symbolicName()));
            if (!shared && protectedBundles.contains(b.symbolicName())) {
                return "bundle " + b.symbolicName() + " is part of the installer itself: it changes with a firmware update only";
            }
            if (unit.kind() == PackageKind.FEATURE) {
                for (UnitRecord other : state.units()) {
                    if (other.id().equals(unit.id()) || other.kind() != PackageKind.FEATURE) {
                        continue;
                    }
                    for (UnitRecord.BundleRecord ob : other.bundles()) {
                        if (ob.symbolicName().equals(b.symbolicName()) && !ob.version().equals(b.version())) {
                            return "bundle " + b.symbolicName() + " " + b.version() + " of " + unit.id() + " conflicts with "
                                    + ob.version() + " of the installed " + other.id();
                        }
                    }
                }
            }
        }
        Set<String> pids = configurationsOf(unit).keySet();
        Set<String> basePids = configs.basePids();
        for (String pid : pids) {
            if (basePids.contains(pid)) {
                return "configuration " + pid + " of " + unit.id() + " belongs to the gateway's own features";
            }
            for (UnitRecord other : state.units()) {
                if (!other.id().equals(unit.id()) && configurationsOf(other).containsKey(pid)) {
                    return "configuration " + pid + " of " + unit.id() + " is already configured by " + other.id();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the transaction

    private DeploymentResult transaction(long tx, String op, String label, ProvisioningState target, ProgressListener listener,
                                         String unitId, String version) {
        ProvisioningState from = state;
        Desired want;
        Desired had;
        try {
            want = desired(target);
            had = desired(from);
        } catch (IOException e) {
            return new DeploymentResult(Phase.FAILED, unitId, version, "ERROR", e.getMessage());
        }
        // what is there before: configurations this change may touch, active bundles, component problems
        Set<String> touchedPids = new LinkedHashSet<>(want.configs().keySet());
        touchedPids.addAll(had.configs().keySet());
        Map<String, Optional<Hashtable<String, Object>>> snapshot = new LinkedHashMap<>();
        try {
            for (String pid : touchedPids) {
                snapshot.put(pid, configs.get(pid).map(FeatureConfigurations::hashtable));
            }
        } catch (Exception e) {
            return new DeploymentResult(Phase.FAILED, unitId, version, "ERROR", "reading configurations: " + e.getMessage());
        }
        Set<String> activeBefore = new HashSet<>();
        framework.bundles().stream().filter(FrameworkPort.InstalledBundle::active).forEach(b -> activeBefore.add(b.symbolicName()));
        Map<String, String> problemsBefore = health.componentProblems(null, Set.of());

        try {
            ObjectNode begin = TransactionJournal.record(tx, "BEGIN");
            begin.put("op", op);
            begin.put("unit", label);
            begin.put("from", from.transaction());
            Map<String, Hashtable<String, Object>> present = new LinkedHashMap<>();
            ArrayNode absent = begin.putArray("absentConfigurations");
            snapshot.forEach((pid, v) -> {
                if (v.isPresent()) {
                    present.put(pid, v.get());
                } else {
                    absent.add(pid);
                }
            });
            begin.put("configurations", FeatureConfigurations.toResource(present));
            journal.append(begin);
        } catch (IOException e) {
            return new DeploymentResult(Phase.FAILED, unitId, version, "ERROR", "cannot write the journal: " + e.getMessage());
        }

        listener.progress(Phase.INSTALLING, 30, op + " " + label);
        List<String> problems = new ArrayList<>();
        Set<Long> touched = new HashSet<>();
        try {
            touched.addAll(apply(want, Optional.empty(), problems, tx));
            if (problems.isEmpty()) {
                startUnitBundles(want, problems);
            }
        } catch (Exception e) {
            problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String reason = "START_FAILED";
        if (problems.isEmpty()) {
            listener.progress(Phase.HEALTH_CHECK, 70, "waiting for every bundle and component of " + label);
            problems.addAll(awaitHealthy(want, target, touched, activeBefore, problemsBefore));
            reason = "UNHEALTHY";
            try {
                ObjectNode h = TransactionJournal.record(tx, problems.isEmpty() ? "HEALTHY" : "UNHEALTHY");
                if (!problems.isEmpty()) {
                    h.put("problems", String.join("; ", problems));
                }
                journal.append(h);
            } catch (IOException e) {
                problems.add("cannot write the journal: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                stateStore.write(target);
                state = target;
                journal.append(TransactionJournal.record(tx, "COMMIT"));
                journal.compact();
                artifacts.retainOnly(referencedArtifacts(state));
            } catch (IOException e) {
                LOG.error("transaction {}: committed state could not be written completely", tx, e);
                if (state != target) {
                    problems.add("cannot write the state: " + e.getMessage());
                    reason = "ERROR";
                }
            }
        }
        if (problems.isEmpty()) {
            LOG.info("transaction {}: {} {} committed", tx, op, label);
            listener.progress(Phase.COMPLETED, 100, op + " " + label + " done");
            return new DeploymentResult(Phase.COMPLETED, unitId, version, "OK", op + " " + label + " done");
        }

        // roll back: the previous bundles, and every touched configuration exactly as it was
        String why = String.join("; ", problems);
        LOG.warn("transaction {}: {} {} failed, rolling back: {}", tx, op, label, why);
        List<String> rollbackProblems = new ArrayList<>();
        try {
            ObjectNode r = TransactionJournal.record(tx, "ROLLBACK");
            r.put("reason", why);
            journal.append(r);
            apply(had, Optional.of(snapshot), rollbackProblems, tx);
            startUnitBundles(had, rollbackProblems);
            for (FrameworkPort.InstalledBundle b : framework.bundles()) {
                if (!b.active() && !b.fragment() && activeBefore.contains(b.symbolicName())) {
                    try {
                        framework.start(b.id());
                    } catch (Exception e) {
                        rollbackProblems.add("restarting " + b.symbolicName() + ": " + e.getMessage());
                    }
                }
            }
            ObjectNode a = TransactionJournal.record(tx, "ABORTED");
            if (!rollbackProblems.isEmpty()) {
                a.put("problems", String.join("; ", rollbackProblems));
            }
            journal.append(a);
        } catch (Exception e) {
            rollbackProblems.add(e.toString());
        }
        if (!rollbackProblems.isEmpty()) {
            LOG.error("transaction {}: rolling back was not clean: {}", tx, rollbackProblems);
        }
        String message = op + " " + label + " rolled back: " + why
                + (rollbackProblems.isEmpty() ? "" : " (rollback problems: " + String.join("; ", rollbackProblems) + ")");
        listener.progress(Phase.ROLLED_BACK, 100, message);
        return new DeploymentResult(Phase.ROLLED_BACK, unitId, version, reason, message);
    }

    private DeploymentResult done(ProgressListener listener, Phase phase, PackageManifest m, String reason, String message) {
        if (phase == Phase.FAILED) {
            LOG.warn("package refused: {}", message);
        }
        listener.progress(phase, 100, message);
        return new DeploymentResult(phase, m == null ? "" : m.id(), m == null ? "" : m.version(), reason, message);
    }

    // ---------------------------------------------------------------- desired state

    /** A bundle the state wants: with its stored content, or the gateway's own bundle as it is (no sha256). */
    record Want(String symbolicName, String version, Optional<String> sha256) {
    }

    /** Everything a state wants, bundles in start order. */
    record Desired(Map<String, Want> bundles, Map<String, Hashtable<String, Object>> configs,
                   Map<String, Set<String>> unitBundles) {
    }

    Desired desired(ProvisioningState s) throws IOException {
        Map<String, String> base = baseVersions();
        Map<String, Want> bundles = new LinkedHashMap<>();
        Map<String, Hashtable<String, Object>> cfg = new LinkedHashMap<>();
        Map<String, Set<String>> unitBundles = new LinkedHashMap<>();
        for (UnitRecord u : s.units()) {
            Set<String> names = new LinkedHashSet<>();
            for (UnitRecord.BundleRecord b : u.bundles()) {
                boolean shared = b.version().equals(base.get(b.symbolicName()));
                Want w = new Want(b.symbolicName(), b.version(), shared ? Optional.empty() : Optional.of(b.sha256()));
                Want earlier = bundles.get(b.symbolicName());
                if (earlier == null || u.kind() == PackageKind.BUNDLE || earlier.sha256().isEmpty()) {
                    bundles.remove(b.symbolicName());
                    bundles.put(b.symbolicName(), w);
                }
                names.add(b.symbolicName());
            }
            unitBundles.put(u.id(), names);
            cfg.putAll(configurationsOf(u));
        }
        return new Desired(bundles, cfg, unitBundles);
    }

    private Map<String, Hashtable<String, Object>> configurationsOf(UnitRecord u) throws IOException {
        if (u.featureSha256().isEmpty()) {
            return Map.of();
        }
        return FeatureConfigurations.ofFeature(artifacts.read(u.featureSha256().get()));
    }

    /** Symbolic name -> version of the gateway's own bundles, as the launcher installed them. */
    private Map<String, String> baseVersions() {
        Map<String, String> base = new HashMap<>();
        for (FrameworkPort.InstalledBundle b : framework.bundles()) {
            if (b.ours() || b.symbolicName() == null) {
                continue;
            }
            String v = applied.containsKey(b.symbolicName())
                    ? framework.originalVersion(b.id()).orElse("(replaced)") : b.version();
            base.putIfAbsent(b.symbolicName(), v);
        }
        return base;
    }

    // ---------------------------------------------------------------- applying

    /**
     * Makes the framework hold the desired bundles and configurations; with a snapshot, the
     * configurations are set back to it instead. Journals each change before making it. Returns the ids
     * of the bundles it touched.
     */
    private Set<Long> apply(Desired want, Optional<Map<String, Optional<Hashtable<String, Object>>>> snapshot,
                            List<String> problems, long tx) throws Exception {
        Set<Long> touched = new LinkedHashSet<>();
        Set<Long> refresh = new LinkedHashSet<>();
        List<FrameworkPort.InstalledBundle> now = framework.bundles();

        // 1. provisioning's bundles that are no longer wanted
        for (FrameworkPort.InstalledBundle b : now) {
            if (b.ours() && !want.bundles().containsKey(b.symbolicName())) {
                step(tx, "uninstall", b.symbolicName());
                framework.uninstall(b.id());
                applied.remove(b.symbolicName());
                writeApplied();
                refresh.add(b.id());
            }
        }
        // 2. the gateway's own bundles that provisioning replaced and that are no longer replaced
        for (FrameworkPort.InstalledBundle b : now) {
            if (!b.ours() && applied.containsKey(b.symbolicName())) {
                Want w = want.bundles().get(b.symbolicName());
                if (w == null || w.sha256().isEmpty()) {
                    step(tx, "restore", b.symbolicName());
                    framework.restore(b.id());
                    applied.remove(b.symbolicName());
                    writeApplied();
                    touched.add(b.id());
                    refresh.add(b.id());
                }
            }
        }
        // 3. installs and updates
        for (Want w : want.bundles().values()) {
            if (w.sha256().isEmpty()) {
                continue;
            }
            String sha = w.sha256().get();
            Path jar = artifacts.path(sha);
            Optional<FrameworkPort.InstalledBundle> ours = find(w.symbolicName(), true);
            Optional<FrameworkPort.InstalledBundle> base = find(w.symbolicName(), false);
            Optional<FrameworkPort.InstalledBundle> existing = ours.isPresent() ? ours : base;
            if (existing.isEmpty()) {
                step(tx, "install", w.symbolicName());
                long id = framework.install(FrameworkPort.LOCATION_PREFIX + w.symbolicName(), jar);
                applied.put(w.symbolicName(), sha);
                writeApplied();
                touched.add(id);
            } else if (!sha.equals(applied.get(w.symbolicName()))) {
                step(tx, "update", w.symbolicName());
                framework.update(existing.get().id(), jar);
                applied.put(w.symbolicName(), sha);
                writeApplied();
                touched.add(existing.get().id());
                refresh.add(existing.get().id());
            }
        }
        if (!refresh.isEmpty()) {
            framework.refresh(refresh, settings.refreshTimeout());
        }
        // 4. configurations
        if (snapshot.isPresent()) {
            for (Map.Entry<String, Optional<Hashtable<String, Object>>> e : snapshot.get().entrySet()) {
                step(tx, "configuration", e.getKey());
                restoreConfig(e.getKey(), e.getValue());
            }
        } else {
            for (Map.Entry<String, Hashtable<String, Object>> e : want.configs().entrySet()) {
                Optional<Dictionary<String, Object>> current = configs.get(e.getKey());
                if (current.isEmpty() || !FeatureConfigurations.same(current.get(), e.getValue())) {
                    step(tx, "configuration", e.getKey());
                    configs.put(e.getKey(), e.getValue());
                }
            }
            for (String pid : ownedPids()) {
                if (!want.configs().containsKey(pid) && configs.get(pid).isPresent()) {
                    step(tx, "configuration", pid);
                    configs.delete(pid);
                }
            }
        }
        touched.removeIf(id -> framework.bundles().stream().noneMatch(b -> b.id() == id));
        return touched;
    }

    /**
     * The PIDs that units of the committed state configure (with their kept previous versions): a
     * configuration of these that the desired state lacks is deleted.
     */
    private Set<String> ownedPids() throws IOException {
        Set<String> pids = new HashSet<>();
        for (UnitRecord u : state.units()) {
            pids.addAll(configurationsOf(u).keySet());
            if (u.previous().isPresent()) {
                pids.addAll(configurationsOf(u.previous().get()).keySet());
            }
        }
        return pids;
    }

    private void restoreConfig(String pid, Optional<Hashtable<String, Object>> value) throws Exception {
        if (value.isPresent()) {
            Optional<Dictionary<String, Object>> current = configs.get(pid);
            if (current.isEmpty() || !FeatureConfigurations.same(current.get(), value.get())) {
                configs.put(pid, value.get());
            }
        } else if (configs.get(pid).isPresent()) {
            configs.delete(pid);
        }
    }

    private void startUnitBundles(Desired want, List<String> problems) {
        for (Want w : want.bundles().values()) {
            Optional<FrameworkPort.InstalledBundle> b = find(w.symbolicName(), true).or(() -> find(w.symbolicName(), false));
            if (b.isEmpty()) {
                problems.add("bundle " + w.symbolicName() + " " + w.version() + " is not installed");
                continue;
            }
            if (b.get().fragment() || b.get().active()) {
                continue;
            }
            try {
                framework.start(b.get().id());
            } catch (Exception e) {
                problems.add("bundle " + w.symbolicName() + " " + w.version() + " failed to start: " + rootMessage(e));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    private Optional<FrameworkPort.InstalledBundle> find(String symbolicName, boolean ours) {
        return framework.bundles().stream()
                .filter(b -> symbolicName.equals(b.symbolicName()) && b.ours() == ours).findFirst();
    }

    private void step(long tx, String action, String name) throws IOException {
        if (tx < 0) {
            return; // the start-up reconciliation changes nothing committed: nothing to undo
        }
        ObjectNode s = TransactionJournal.record(tx, "STEP");
        s.put("action", action);
        if (action.equals("configuration")) {
            s.put("pid", name);
        } else {
            s.put("bundle", name);
        }
        journal.append(s);
    }

    // ---------------------------------------------------------------- health

    private List<String> awaitHealthy(Desired want, ProvisioningState target, Set<Long> touched, Set<String> activeBefore,
                                      Map<String, String> problemsBefore) {
        long deadline = System.nanoTime() + settings.healthTimeout().toNanos();
        List<String> problems;
        while (true) {
            problems = healthProblems(want, touched, activeBefore, problemsBefore);
            if (problems.isEmpty() || System.nanoTime() > deadline) {
                return problems;
            }
            try {
                Thread.sleep(settings.healthInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while waiting for the health check");
                return problems;
            }
        }
    }

    private List<String> healthProblems(Desired want, Set<Long> touched, Set<String> activeBefore, Map<String, String> problemsBefore) {
        List<String> problems = new ArrayList<>();
        Set<Long> ids = new HashSet<>(touched);
        Map<String, FrameworkPort.InstalledBundle> bySymbolicName = new HashMap<>();
        for (FrameworkPort.InstalledBundle b : framework.bundles()) {
            if (b.symbolicName() != null) {
                bySymbolicName.merge(b.symbolicName(), b, (x, y) -> x.ours() ? x : y);
            }
        }
        for (Want w : want.bundles().values()) {
            FrameworkPort.InstalledBundle b = bySymbolicName.get(w.symbolicName());
            if (b == null) {
                problems.add("bundle " + w.symbolicName() + " is not installed");
            } else {
                ids.add(b.id());
                if (!b.active() && !b.fragment()) {
                    problems.add("bundle " + w.symbolicName() + " is not active");
                }
            }
        }
        for (String bsn : activeBefore) {
            FrameworkPort.InstalledBundle b = bySymbolicName.get(bsn);
            if (b != null && !b.active() && !b.fragment()) {
                problems.add("bundle " + bsn + " was active before and is not now");
            }
        }
        health.componentProblems(ids, want.configs().keySet()).forEach((c, p) -> problems.add("component " + c + ": " + p));
        health.componentProblems(null, Set.of()).forEach((c, p) -> {
            if (!problemsBefore.containsKey(c) && problems.stream().noneMatch(x -> x.startsWith("component " + c + ":"))) {
                problems.add("component " + c + " (satisfied before): " + p);
            }
        });
        health.healthCheckProblems().forEach((n, p) -> problems.add("health check " + n + ": " + p));
        return problems;
    }

    // ---------------------------------------------------------------- bookkeeping

    private Set<String> referencedArtifacts(ProvisioningState s) {
        Set<String> keep = new HashSet<>();
        for (UnitRecord u : s.units()) {
            collect(u, keep);
            u.previous().ifPresent(p -> collect(p, keep));
        }
        return keep;
    }

    private static void collect(UnitRecord u, Set<String> keep) {
        u.bundles().forEach(b -> keep.add(b.sha256()));
        u.featureSha256().ifPresent(keep::add);
    }

    private static Map<String, Optional<Hashtable<String, Object>>> snapshotOf(JsonNode begin) throws IOException {
        Map<String, Optional<Hashtable<String, Object>>> out = new LinkedHashMap<>();
        String json = begin.path("configurations").asText("{}");
        FeatureConfigurations.ofResource(json).forEach((pid, v) -> out.put(pid, Optional.of(v)));
        for (JsonNode pid : begin.path("absentConfigurations")) {
            out.put(pid.asText(), Optional.empty());
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper APPLIED_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void readApplied() throws IOException {
        applied.clear();
        if (appliedFile != null && Files.isRegularFile(appliedFile)) {
            JsonNode n = APPLIED_JSON.readTree(Files.readAllBytes(appliedFile));
            n.fields().forEachRemaining(e -> applied.put(e.getKey(), e.getValue().asText()));
        }
    }

    private void writeApplied() throws IOException {
        if (appliedFile != null) {
            DurableFiles.write(appliedFile, APPLIED_JSON.writeValueAsBytes(applied));
        }
    }

    /** The PIDs a unit configures (empty when its feature document cannot be read). */
    List<String> configurationPids(UnitRecord u) {
        try {
            return List.copyOf(configurationsOf(u).keySet());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Records a sequence number accepted outside a unit transaction (a firmware marked good). */
    synchronized void acceptSequence(String id, long sequence) throws IOException {
        if (state.lastSequence(id).orElse(-1) >= sequence) {
            return;
        }
        ProvisioningState next = state.withAccepted(id, sequence, state.transaction());
        stateStore.write(next);
        state = next;
        LOG.info("{} sequence {} accepted", id, sequence);
    }
}
