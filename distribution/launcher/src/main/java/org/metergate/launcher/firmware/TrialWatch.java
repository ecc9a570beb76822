package org.metergate.launcher.firmware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Watches a slot booted on trial: once the gateway has been healthy at two checks a second apart it
 * is marked good; if it is not healthy within the timeout (system property
 * {@value #TIMEOUT_PROPERTY}, seconds, default 60) the slot is given up and the gateway stops asking
 * for a restart, so the boot loader starts the good slot.
 */
public final class TrialWatch {

    public static final String TIMEOUT_PROPERTY = "metergate.firmware.health.timeout";

    private TrialWatch() {
    }

    /** Starts watching when this run is a trial; does nothing otherwise. */
    public static void start(BundleContext context, List<String> startFailures, Path data, PrintStream out, PrintStream err) {
        if (!Boolean.getBoolean(SlotBoot.TRIAL_PROPERTY) || !SlotBoot.inSlot()) {
            return;
        }
        String slot = System.getProperty(SlotBoot.SLOT_PROPERTY);
        Duration timeout = Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 60));
        Thread t = new Thread(() -> watch(context, startFailures, new BootStateFile(data), slot, timeout, out, err),
                "metergate-firmware-trial");
        t.setDaemon(true);
        t.start();
    }

    static void watch(BundleContext context, List<String> startFailures, BootStateFile file, String slot, Duration timeout,
                      PrintStream out, PrintStream err) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems = List.copyOf(startFailures);
        int healthyInARow = 0;
        try {
            while (System.nanoTime() < deadline) {
                problems = startFailures.isEmpty() ? GatewayHealth.problems(context) : List.copyOf(startFailures);
                healthyInARow = problems.isEmpty() ? healthyInARow + 1 : 0;
                if (healthyInARow >= 2) {
                    BootState s = file.read();
                    if (s.trial().isPresent() && s.trial().get().equals(slot)) {
                        file.write(s.markGood());
                        out.println("metergate: firmware slot " + slot + " passed its health check and is marked good");
                    }
                    return;
                }
                Thread.sleep(1000);
            }
            String why = "health check failed: " + String.join("; ", problems);
            err.println("metergate: firmware slot " + slot + " " + why + "; going back to the previous firmware");
            BootState s = file.read();
            if (s.trial().isPresent() && s.trial().get().equals(slot)) {
                file.write(s.giveUp(why.length() > 500 ? why.substring(0, 500) + "..." : why));
            }
            file.requestRestart();
            context.getBundle(0).stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | BundleException | IllegalStateException e) {
            err.println("metergate: firmware trial of slot " + slot + ": " + e.getMessage());
        }
    }
}
