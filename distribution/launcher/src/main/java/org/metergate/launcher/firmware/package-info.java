/**
 * Firmware A/B for {@code bin/metergate run}: the gateway's own distribution, updated remotely into
 * the slots {@code <data>/firmware/a} and {@code b} (rules and layout: {@code org.metergate.pkg.firmware}).
 *
 * <p>The installed distribution's launcher is the boot loader: at each {@code run} it asks the boot
 * state which slot to start ({@link org.metergate.launcher.firmware.SlotBoot}); a slot runs in this same
 * JVM from its own {@code lib/} in a class loader of its own ({@link org.metergate.launcher.firmware.SlotRunner}),
 * so the process, its PID, signals and exit status stay what they are without a firmware. A slot booted on
 * trial is watched ({@link org.metergate.launcher.firmware.TrialWatch}): once the gateway is healthy it is
 * marked good; if it is not healthy in time, it is given up and the launcher boots the good slot again.
 * Without a boot state (no firmware update ever) nothing here does anything.
 */
package org.metergate.launcher.firmware;
