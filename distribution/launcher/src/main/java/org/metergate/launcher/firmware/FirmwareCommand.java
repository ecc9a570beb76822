package org.metergate.launcher.firmware;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metergate firmware}: the A/B slots and the boot counter of this gateway. */
@Command(name = "firmware",
        mixinStandardHelpOptions = true,
        description = {"Show the firmware slots of this gateway: the good slot (factory = the installed distribution), a",
            "slot on trial with its boots so far, the last slot given up and why, the version in each slot."})
public final class FirmwareCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "The gateway's data directory (default: <home>/data)")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = SlotBoot.dataDir(null, data);
        if (dir == null) {
            spec.commandLine().getErr().println("metergate firmware: no data directory: give --data or start through bin/metergate");
            return 2;
        }
        BootStateFile file = new BootStateFile(dir);
        BootState s = file.read();
        out.println("firmware in " + file.directory() + (file.exists() ? "" : " (never updated)"));
        out.println("good slot:  " + s.good() + s.version(s.good()).map(v -> " (" + v + ")").orElse(""));
        s.trial().ifPresent(t -> out.println("on trial:   " + t + s.version(t).map(v -> " (" + v + ")").orElse("")
                + ", booted " + s.tries() + " of " + s.maxTries() + " time(s)"));
        s.failed().ifPresent(f -> out.println("given up:   " + f + s.version(f).map(v -> " (" + v + ")").orElse("") + ": " + s.failedReason()));
        return 0;
    }
}
