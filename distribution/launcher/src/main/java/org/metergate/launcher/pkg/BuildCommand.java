package org.metergate.launcher.pkg;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metergate.pkg.Keys;
import org.metergate.pkg.PackageBuilder;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageManifest;
import org.metergate.pkg.Packages;
import org.metergate.pkg.SigningKey;
import org.metergate.pkg.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metergate package build}. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Build a package of a feature (the feature file and every bundle it names), one bundle, or a distribution",
            "(firmware). The manifest lists every artifact with its size and SHA-256; with --key the package is signed too."},
        footer = {"", "Examples:",
            "  metergate package build --feature features/radio-c.json --sequence 7 --model metergate --key op.pem -o radio-c.mgp",
            "  metergate package build --bundle org.metergate.core-0.2.0.jar --sequence 3 --gateway gw-0001 -o core.mgp",
            "  metergate package build --firmware distribution/target/metergate --sequence 2 --model metergate -o fw.mgp"})
final class BuildCommand implements Callable<Integer> {

    static final class What {
        @Option(names = "--feature", paramLabel = "FILE", required = true,
                description = "A feature file (OSGi R8 Feature JSON, versions filled in)")
        Path feature;

        @Option(names = "--bundle", paramLabel = "JAR", required = true, description = "One OSGi bundle")
        Path bundle;

        @Option(names = "--firmware", paramLabel = "DIR", required = true,
                description = "An unpacked distribution (bin/ lib/ bundles/ features/ conf/; data/ is left out)")
        Path firmware;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--bundles", paramLabel = "DIR",
            description = "Where the feature's bundles are: a distribution's bundles/ directory or a Maven repository "
                    + "(repeatable; default: this distribution's bundles/, then ~/.m2/repository)")
    List<Path> bundleDirs = new ArrayList<>();

    @Option(names = "--sequence", paramLabel = "N", required = true,
            description = "The package's sequence number: above every earlier package of the same id")
    long sequence;

    @Option(names = "--gateway", paramLabel = "ID", description = "A gateway the package is for (repeatable)")
    List<String> gateways = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", description = "A model the package is for, * for every gateway (repeatable)")
    List<String> models = new ArrayList<>();

    @Option(names = "--rollback", description = "Allow installing over a higher sequence number (a signed downgrade)")
    boolean rollback;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "Firmware version (default: from lib/org.metergate.launcher-VERSION.jar)")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text for people")
    String description = "";

    @Option(names = "--key", paramLabel = "FILE", description = "Sign with this private key (PEM; repeatable)")
    List<Path> keys = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The package file to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (gateways.isEmpty() && models.isEmpty()) {
            err.println("metergate package build: give the target: --gateway ID or --model MODEL (--model '*' for every gateway)");
            return 2;
        }
        try {
            PackageBuilder b;
            if (what.feature != null) {
                List<Path> dirs = new ArrayList<>(bundleDirs);
                if (dirs.isEmpty()) {
                    CliSupport.home().map(h -> h.resolve("bundles")).filter(Files::isDirectory).ifPresent(dirs::add);
                    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
                    if (Files.isDirectory(m2)) {
                        dirs.add(m2);
                    }
                }
                b = Packages.feature(what.feature, dirs);
            } else if (what.bundle != null) {
                b = Packages.bundle(what.bundle);
            } else {
                String v = version != null ? version : firmwareVersion(what.firmware);
                b = Packages.firmware(what.firmware, v);
            }
            List<SigningKey> signers = new ArrayList<>();
            for (Path k : keys) {
                signers.add(Keys.readSigningKey(k));
            }
            PackageManifest m = b.sequence(sequence).rollback(rollback).target(new Target(gateways, models))
                    .description(description).build(output, signers);
            out.println("built " + m.label() + ": " + m.artifacts().size() + " artifact(s), " + m.payloadSize() + " bytes, "
                    + (signers.isEmpty() ? "unsigned (sign it with: metergate package sign --key KEY " + output + ")"
                    : "signed by " + signers.stream().map(s -> s.algorithm().keyName() + " key " + s.keyId()).toList()));
            out.println("-> " + output);
            return 0;
        } catch (PackageException e) {
            err.println("metergate package build: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("metergate package build: " + e.getMessage());
            return 2;
        }
    }

    private static final Pattern LAUNCHER = Pattern.compile("org\\.metergate\\.launcher-(.+)\\.jar");

    static String firmwareVersion(Path distribution) throws PackageException {
        try (var files = Files.list(distribution.resolve("lib"))) {
            for (Path f : files.toList()) {
                Matcher m = LAUNCHER.matcher(f.getFileName().toString());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        } catch (java.io.IOException e) {
            throw new PackageException(PackageException.Reason.IO, "cannot list " + distribution.resolve("lib") + ": " + e.getMessage());
        }
        throw new PackageException(PackageException.Reason.IO, "no lib/org.metergate.launcher-VERSION.jar in " + distribution
                + ": give --version");
    }
}
