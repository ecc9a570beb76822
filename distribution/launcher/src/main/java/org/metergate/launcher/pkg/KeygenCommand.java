package org.metergate.launcher.pkg;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.metergate.pkg.Keys;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.SignatureAlgorithm;
import org.metergate.pkg.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metergate package keygen}: a signing key pair (or use openssl; both work). */
@Command(name = "keygen",
        mixinStandardHelpOptions = true,
        description = {"Make a package signing key: the private key (PKCS#8 PEM, readable by its owner only) and its public",
            "key (PEM), which goes into each gateway's trust directory (conf/trust/). Existing files are never overwritten."})
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
            description = "ed25519, p256 or brainpoolP256r1 (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The private key file to write")
    Path out;

    @Option(names = "--public", paramLabel = "FILE", description = "The public key file (default: FILE with .pub instead of .pem)")
    Path publicOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SigningKey key = SigningKey.generate(SignatureAlgorithm.ofName(algorithm));
            Path pub = publicOut != null ? publicOut : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub");
            for (Path p : new Path[] {out, pub}) {
                if (Files.exists(p)) {
                    err.println("metergate package keygen: " + p + " exists; not overwritten");
                    return 1;
                }
            }
            boolean posix = out.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(out, ownerOnly);
            Files.writeString(out, Keys.privateKeyPem(key), StandardCharsets.US_ASCII);
            Files.writeString(pub, Keys.publicKeyPem(key.publicKey()), StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            o.println(key.algorithm().keyName() + " key " + key.keyId());
            o.println("private key -> " + out + " (keep it on the signing host)");
            o.println("public key  -> " + pub + " (copy it into each gateway's conf/trust/)");
            return 0;
        } catch (PackageException e) {
            err.println("metergate package keygen: " + e.getMessage());
            return 2;
        } catch (FileAlreadyExistsException e) {
            err.println("metergate package keygen: " + e.getFile() + " exists; not overwritten");
            return 1;
        } catch (IOException e) {
            err.println("metergate package keygen: " + e.getMessage());
            return 1;
        }
    }
}
