package org.metergate.launcher.firmware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;

/**
 * The boot loader's decisions, called by {@code run}: which slot to start, and whether a stopped
 * gateway asked to be started again (into a new firmware).
 */
public final class SlotBoot {

    /** System property naming the slot this run belongs to; set by the boot loader for a slot's run. */
    public static final String SLOT_PROPERTY = "metergate.firmware.slot";
    /** System property set to {@code true} for a slot booted on trial. */
    public static final String TRIAL_PROPERTY = "metergate.firmware.trial";
    /** The exit status a slot's run returns to the boot loader to be started again. */
    public static final int RESTART = 75;
    private static final String HOME_PROPERTY = "metergate.home";

    private SlotBoot() {
    }

    /** True in a run the boot loader started from a slot. */
    public static boolean inSlot() {
        String s = System.getProperty(SLOT_PROPERTY);
        return s != null && !s.isBlank();
    }

    /** The data directory of a run: {@code --data}, else {@code <home>/data}; null when there is no home. */
    static Path dataDir(Path homeOption, Path dataOption) {
        if (dataOption != null) {
            return dataOption.toAbsolutePath().normalize();
        }
        Path home = homeOption;
        if (home == null) {
            String p = System.getProperty(HOME_PROPERTY);
            if (p == null || p.isBlank()) {
                return null;
            }
            home = Path.of(p);
        }
        return home.toAbsolutePath().normalize().resolve("data");
    }

    /**
     * Boots the slot the boot state chooses. Empty: run this distribution here (no firmware update was
     * ever made, the good slot is the factory one, or this already is a slot's run). Otherwise the
     * exit status of the slot's run; the slot is booted again while it asks for a restart.
     *
     * @param args the arguments {@code run} was given, to hand to the slot's launcher
     */
    public static OptionalInt boot(Path homeOption, Path dataOption, List<String> args, PrintStream out, PrintStream err)
            throws IOException {
        if (inSlot()) {
            return OptionalInt.empty();
        }
        Path data = dataDir(homeOption, dataOption);
        if (data == null) {
            return OptionalInt.empty();
        }
        BootStateFile file = new BootStateFile(data);
        if (!file.exists()) {
            return OptionalInt.empty();
        }
        while (true) {
            BootState state = file.read();
            BootState.Decision d = state.boot();
            if (!d.next().equals(state)) {
                file.write(d.next()); // the boot counter is durable before the slot starts
            }
            if (state.trial().isPresent() && d.next().trial().isEmpty()) {
                err.println("metergate: firmware slot " + state.trial().get() + " " + d.next().failedReason()
                        + "; falling back to slot " + d.slot());
            }
            if (d.slot().equals(BootState.FACTORY)) {
                return OptionalInt.empty();
            }
            Path slot = file.slot(d.slot());
            out.println("metergate: booting firmware slot " + d.slot() + state.version(d.slot()).map(v -> " (" + v + ")").orElse("")
                    + (d.trial() ? " on trial" : ""));
            int code;
            try {
                code = SlotRunner.run(d.slot(), slot, d.trial(), slotArgs(args, slot, data));
            } catch (SlotRunner.SlotException e) {
                err.println("metergate: firmware slot " + d.slot() + " cannot start: " + e.getMessage());
                BootState now = file.read();
                if (now.trial().isPresent() && now.trial().get().equals(d.slot())) {
                    file.write(now.giveUp("cannot start: " + e.getMessage()));
                    continue;
                }
                // the good slot itself is broken: the factory distribution is the last resort
                return OptionalInt.empty();
            }
            if (code != RESTART || SlotRunner.shutdownInProgress()) {
                return OptionalInt.of(code);
            }
            out.println("metergate: restarting");
        }
    }

    /** The slot's arguments: the same, with its own home and the gateway's data directory. */
    static String[] slotArgs(List<String> args, Path slot, Path data) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--home") || a.equals("--data")) {
                i++;
                continue;
            }
            if (a.startsWith("--home=") || a.startsWith("--data=")) {
                continue;
            }
            out.add(a);
        }
        out.add("--home");
        out.add(slot.toString());
        out.add("--data");
        out.add(data.toString());
        return out.toArray(String[]::new);
    }

    /**
     * After the framework stopped: true when the gateway asked for a restart (a firmware was written),
     * the request consumed. A run stopped by a signal never restarts.
     */
    public static boolean restartRequested(Path homeOption, Path dataOption) {
        if (SlotRunner.shutdownInProgress()) {
            return false;
        }
        Path data = dataDir(homeOption, dataOption);
        if (data == null || !Files.isDirectory(data.resolve(BootStateFile.DIRECTORY))) {
            return false;
        }
        try {
            return new BootStateFile(data).takeRestartRequest();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the JVM is shutting down (a signal): then nothing may call System.exit. */
    public static boolean stoppedBySignal() {
        return SlotRunner.shutdownInProgress();
    }
}
