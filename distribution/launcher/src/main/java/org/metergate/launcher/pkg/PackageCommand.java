package org.metergate.launcher.pkg;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code metergate package}: makes, signs and checks update packages (format: the package
 * documentation of {@code org.metergate.pkg}, summarised in README.md, "Remote updates").
 */
@Command(name = "package",
        mixinStandardHelpOptions = true,
        description = {
            "Make, sign and check signed update packages for Metergate gateways: a feature (its bundles and configurations),",
            "one bundle, or a whole distribution (firmware, installed into the gateway's inactive A/B slot).",
            "Exit status: 0 done; 1 the package was refused or could not be made; 2 usage error."},
        subcommands = {BuildCommand.class, SignCommand.class, VerifyCommand.class, KeygenCommand.class,
            CommandLine.HelpCommand.class})
public final class PackageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: build, sign, verify or keygen");
    }
}
