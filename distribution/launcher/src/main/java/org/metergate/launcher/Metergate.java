package org.metergate.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/metergate}: the gateway's command line. {@code run} starts a gateway; later subcommands
 * decode telegrams, talk to gateways as a head-end and build update packages.
 */
@Command(name = "metergate",
        mixinStandardHelpOptions = true,
        versionProvider = Metergate.Version.class,
        description = "Metergate: an open, modular smart-metering gateway (OSGi; TR 50572; OMS / EN 13757).",
        subcommands = {RunCommand.class, DecodeCommand.class, org.metergate.launcher.hes.HesCommand.class,
            org.metergate.launcher.pkg.PackageCommand.class, org.metergate.launcher.firmware.FirmwareCommand.class,
            CommandLine.HelpCommand.class})
public final class Metergate implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'metergate run' or 'metergate --help'");
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Metergate()).execute(args);
        // After SIGTERM the shutdown hook has stopped the gateway and the JVM is already exiting;
        // System.exit from here would wait for the hooks forever.
        if (!RunCommand.stoppedBySignal()) {
            System.exit(code);
        }
    }

    static String version() {
        String v = Metergate.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"metergate " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
