package org.metergate.launcher.firmware;

import org.metergate.launcher.Metergate;
import picocli.CommandLine;

/**
 * The entry point of a slot's launcher for the boot loader: the command line without
 * {@code System.exit}, so the boot loader gets the exit status and can start a slot again.
 */
public final class SlotEntry {

    private SlotEntry() {
    }

    public static int run(String[] args) {
        return new CommandLine(new Metergate()).execute(args);
    }
}
