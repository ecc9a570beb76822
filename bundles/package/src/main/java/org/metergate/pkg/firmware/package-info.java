/**
 * The gateway's own distribution ("firmware") in A/B slots, as the launcher and the provisioning
 * bundle share it on disk.
 *
 * <h2>Layout, below the gateway's data directory</h2>
 * <pre>
 * firmware/boot.properties   the boot state (below); absent until the first firmware update
 * firmware/a/, firmware/b/   the two slots: each an unpacked distribution (bin/ lib/ bundles/ features/ conf/)
 * firmware/restart           written by the gateway to ask the launcher to restart into the trial slot
 * </pre>
 * The installed distribution itself (where {@code bin/metergate} is) is the slot {@code factory}: it is
 * never written, so a gateway can always go back to it.
 *
 * <h2>Boot state and the boot counter</h2>
 * <pre>
 * good=factory|a|b     the slot last marked good; boots when there is no trial
 * trial=a|b            a slot written and not yet marked good (absent when none)
 * tries=0              how often the trial slot has been booted
 * maxTries=1           boots a trial gets before the launcher falls back to the good slot
 * failed=b             the last slot that was given up, with failedReason
 * version.a=...        the distribution version in each slot
 * </pre>
 * At each start the launcher asks {@link org.metergate.pkg.firmware.BootState#boot()}: with a trial
 * whose tries are below maxTries it counts one more try (written before the slot starts, so a crash
 * counts) and boots the trial; with a trial that used up its tries it records it as failed, drops it
 * and boots the good slot; otherwise it boots the good slot. The trial becomes good
 * ({@link org.metergate.pkg.firmware.BootState#markGood()}) only after its health check passes.
 */
@Export
@Version("1.0.0")
package org.metergate.pkg.firmware;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
