package org.metergate.provisioning.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.metergate.pkg.Artifact;
import org.metergate.pkg.DurableFiles;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageManifest;
import org.metergate.pkg.VerifiedPackage;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;
import org.metergate.provisioning.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a verified firmware package into the inactive A/B slot and puts it on trial. The slot is
 * written below a temporary name, every file hashed again, fsynced, and only then renamed into place;
 * the boot state changes last. A crash at any point leaves the running firmware and its boot state as
 * they were. Booting the new slot, its health check, and the fallback are the launcher's part.
 */
final class FirmwareWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareWriter.class);
    /** The system property in which the launcher names the slot it booted ({@code factory} when absent). */
    static final String RUNNING_SLOT_PROPERTY = "metergate.firmware.slot";

    private final Settings settings;

    FirmwareWriter(Settings settings) {
        this.settings = settings;
    }

    static String runningSlot() {
        String s = System.getProperty(RUNNING_SLOT_PROPERTY);
        return s == null || s.isBlank() ? BootState.FACTORY : s;
    }

    DeploymentResult write(VerifiedPackage pkg, ProgressListener listener) {
        PackageManifest m = pkg.manifest();
        BootStateFile file = new BootStateFile(settings.dataDir());
        try {
            BootState state = file.read();
            if (state.trial().isPresent() && state.trial().get().equals(runningSlot())) {
                return failed(listener, m, "CONFLICT", "firmware slot " + runningSlot() + " is still on trial: wait until it is marked good");
            }
            String slot = state.stagingSlot();
            if (slot.equals(runningSlot())) {
                return failed(listener, m, "CONFLICT", "the inactive slot " + slot + " is the running one: restart first");
            }
            listener.progress(Phase.INSTALLING, 30, "writing firmware " + m.version() + " to slot " + slot);
            Path target = file.slot(slot);
            Path staging = target.resolveSibling(slot + ".new");
            FileTrees.deleteTree(staging);
            int done = 0;
            for (Artifact a : m.artifacts()) {
                Path out = staging.resolve(a.path());
                Files.createDirectories(out.getParent());
                pkg.extract(a, out);
                if (a.executable()) {
                    makeExecutable(out);
                }
                done++;
                if (done % 20 == 0) {
                    listener.progress(Phase.INSTALLING, 30 + 50 * done / m.artifacts().size(), "wrote " + done + " of "
                            + m.artifacts().size() + " files");
                }
            }
            Files.writeString(staging.resolve("FIRMWARE"), "version=" + m.version() + "\nsequence=" + m.sequence()
                    + "\nmanifest=" + pkg.manifestSha256() + "\n");
            FileTrees.deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(target.getParent());
            file.write(state.withTrial(slot, m.version(), settings.firmwareMaxBoots()));
            LOG.info("firmware {} written to slot {}; it boots on trial at the next start", m.version(), slot);
            String msg = "firmware " + m.version() + " written to slot " + slot + "; the gateway restarts into it and keeps it "
                    + "once its health check passes";
            listener.progress(Phase.HEALTH_CHECK, 90, msg);
            return new DeploymentResult(Phase.COMPLETED, m.id(), m.version(), "RESTART_PENDING", msg);
        } catch (PackageException e) {
            return failed(listener, m, e.reason().name(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return failed(listener, m, "ERROR", "writing firmware " + m.version() + ": " + e);
        }
    }

    private static void makeExecutable(Path f) throws IOException {
        try {
            Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(f));
            p.add(PosixFilePermission.OWNER_EXECUTE);
            p.add(PosixFilePermission.GROUP_EXECUTE);
            p.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(f, p);
        } catch (UnsupportedOperationException e) {
            f.toFile().setExecutable(true, false);
        }
    }

    private static DeploymentResult failed(ProgressListener listener, PackageManifest m, String reason, String message) {
        LOG.warn("firmware {} refused: {}", m.version(), message);
        listener.progress(Phase.FAILED, 100, message);
        return new DeploymentResult(Phase.FAILED, m.id(), m.version(), reason, message);
    }
}
