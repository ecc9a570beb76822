package org.metergate.launcher.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.metergate.pkg.Artifact;
import org.metergate.pkg.GatewayIdentity;
import org.metergate.pkg.Keys;
import org.metergate.pkg.PackageException;
import org.metergate.pkg.PackageFile;
import org.metergate.pkg.PackageManifest;
import org.metergate.pkg.PackageVerifier;
import org.metergate.pkg.TrustAnchor;
import org.metergate.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metergate package verify}: the same checks a gateway makes before it installs anything. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check a package as a gateway would: structure, a valid signature by a trust anchor, and every",
            "artifact's size and SHA-256; with --gateway/--model also the target, with --last-sequence the sequence number.",
            "Exit status: 0 the package would be accepted; 1 it would be refused (the reason is printed); 2 usage error."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--trust", paramLabel = "PATH",
            description = "Trust anchors: a PEM file or a directory of them (repeatable; default: this distribution's conf/trust)")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "ID", description = "Check the target for this gateway id (with --model)")
    String gateway;

    @Option(names = "--model", paramLabel = "MODEL", description = "Check the target for this model (with --gateway)")
    String model;

    @Option(names = "--last-sequence", paramLabel = "N", description = "The highest sequence number the gateway accepted for this id")
    Long lastSequence;

    @Option(names = "--json", description = "One JSON object: {verified, reason, message, signer, manifest}")
    boolean json;

    @Parameters(paramLabel = "PACKAGE", description = "The package to check")
    Path pkg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<TrustAnchor> anchors = new ArrayList<>();
        try {
            List<Path> sources = new ArrayList<>(trust);
            if (sources.isEmpty()) {
                CliSupport.defaultTrustDir().ifPresent(sources::add);
            }
            for (Path p : sources) {
                anchors.addAll(Files.isDirectory(p) ? Keys.readTrustDirectory(p) : Keys.readTrustAnchors(p));
            }
        } catch (PackageException e) {
            err.println("metergate package verify: " + e.getMessage());
            return 2;
        }
        GatewayIdentity identity = gateway == null && model == null ? null
                : new GatewayIdentity(gateway == null ? "" : gateway, model == null ? "" : model);
        PackageVerifier verifier = new PackageVerifier(anchors, identity,
                id -> lastSequence == null ? OptionalLong.empty() : OptionalLong.of(lastSequence));
        PackageManifest manifest = null;
        try (PackageFile f = PackageFile.open(pkg)) {
            manifest = f.manifest();
        } catch (PackageException ignored) {
            // verify() reports the same problem with its reason
        }
        try (VerifiedPackage v = verifier.verify(pkg)) {
            if (json) {
                out.println(report(true, "OK", "accepted", v.signer().keyId(), v.manifest()));
            } else {
                print(out, v.manifest());
                out.println("signature: valid, " + v.signer());
                out.println("verified: every artifact matches its SHA-256" + (identity == null ? "" : "; the target includes this gateway"));
            }
            return 0;
        } catch (PackageException e) {
            if (json) {
                out.println(report(false, e.reason().name(), e.getMessage(), null, manifest));
            } else {
                if (manifest != null) {
                    print(out, manifest);
                }
                out.println("REFUSED (" + e.reason() + "): " + e.getMessage());
            }
            return 1;
        }
    }

    private static void print(PrintWriter out, PackageManifest m) {
        out.println("package " + m.label());
        out.println("  target: " + m.target());
        out.println("  created: " + m.created() + (m.description().isEmpty() ? "" : ", " + m.description()));
        for (Artifact a : m.artifacts()) {
            out.println("  " + a.role().jsonName() + " " + a.path() + " (" + a.size() + " bytes, sha256 " + a.sha256() + ")");
        }
    }

    private static String report(boolean verified, String reason, String message, String signer, PackageManifest m) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = json.createObjectNode();
        n.put("verified", verified);
        n.put("reason", reason);
        n.put("message", message);
        n.put("signer", signer);
        try {
            n.set("manifest", m == null ? null : json.readTree(m.toJson()));
            return json.writeValueAsString(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a manifest is JSON", e);
        }
    }
}
