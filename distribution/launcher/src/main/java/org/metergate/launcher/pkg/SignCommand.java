package org.metergate.launcher.pkg;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metergate.pkg.Keys;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageManifest;
import org.metergate.pkg.PackageSigner;
import org.metergate.pkg.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metergate package sign}. */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        description = {"Sign a package with a private key (Ed25519, ECDSA P-256 or brainpoolP256r1, PEM). The artifacts are",
            "checked against the manifest first; other signers' signatures stay, this key's earlier one is replaced."})
final class SignCommand implements Callable<Integer> {

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "The private key (PEM, unencrypted)")
    Path key;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the signed package here (default: in place)")
    Path output;

    @Parameters(paramLabel = "PACKAGE", description = "The package to sign")
    Path pkg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SigningKey k = Keys.readSigningKey(key);
            Path target = output == null ? pkg : output;
            PackageManifest m = PackageSigner.sign(pkg, target, k);
            out.println("signed " + m.label() + " with " + k.algorithm().keyName() + " key " + k.keyId());
            out.println("-> " + target);
            return 0;
        } catch (PackageException e) {
            err.println("metergate package sign: " + e.getMessage());
            return 1;
        }
    }
}
