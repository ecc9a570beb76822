package org.metergate.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a gateway accepts and refuses, one rule per test, for every signature algorithm where it matters. */
class PackageVerifierTest {

    private static final GatewayIdentity GATEWAY = new GatewayIdentity("gw-0001", "metergate-lnap");

    @TempDir
    Path dir;

    private static PackageVerifier verifier(List<TrustAnchor> anchors, long lastAccepted) {
        return new PackageVerifier(anchors, GATEWAY, id -> lastAccepted < 0 ? OptionalLong.empty() : OptionalLong.of(lastAccepted));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aPackageSignedByATrustAnchorIsAccepted(SignatureAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        Path pkg = dir.resolve("p.mgp");
        PackageManifest built = TestPackages.bundlePackage(dir, 5).build(pkg, List.of(key));
        try (VerifiedPackage v = verifier(List.of(key.trustAnchor()), 4).verify(pkg)) {
            assertThat(v.manifest()).isEqualTo(built);
            assertThat(v.manifest().id()).isEqualTo("org.example.meter");
            assertThat(v.manifest().version()).isEqualTo("1.2.0");
            assertThat(v.signer().keyId()).isEqualTo(key.keyId());
            Artifact jar = v.manifest().artifacts(ArtifactRole.BUNDLE).get(0);
            Path out = dir.resolve("extracted.jar");
            v.extract(jar, out);
            assertThat(Digests.sha256Hex(Files.readAllBytes(out))).isEqualTo(jar.sha256());
        }
    }

    @Test
    void anUnsignedPackageIsRefused() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg);
        assertRefused(verifier(List.of(key.trustAnchor()), -1), pkg, PackageException.Reason.UNSIGNED);
    }

    @Test
    void aPackageByAnotherSignerIsRefused() throws Exception {
        SigningKey trusted = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);
        SigningKey other = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(other));
        assertRefused(verifier(List.of(trusted.trustAnchor()), -1), pkg, PackageException.Reason.UNTRUSTED_SIGNER)
                .hasMessageContaining(other.keyId());
    }

    @Test
    void withoutTrustAnchorsNothingIsAccepted() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        assertRefused(verifier(List.of(), -1), pkg, PackageException.Reason.UNTRUSTED_SIGNER)
                .hasMessageContaining("no trust anchors");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aManifestChangedAfterSigningIsRefused(SignatureAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        // the attacker widens the target and keeps the signature
        Path forged = rewrite(pkg, "manifest.json", m -> new String(m, StandardCharsets.UTF_8)
                .replace("\"metergate-lnap\"", "\"*\"").getBytes(StandardCharsets.UTF_8));
        assertRefused(verifier(List.of(key.trustAnchor()), -1), forged, PackageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void anArtifactChangedAfterSigningIsRefused() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        Path pkg = dir.resolve("p.mgp");
        PackageManifest m = TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        String entry = m.artifacts().get(0).entryName();
        Path forged = rewrite(pkg, entry, jar -> {
            byte[] b = jar.clone();
            b[b.length / 2] ^= 0x01;
            return b;
        });
        assertRefused(verifier(List.of(key.trustAnchor()), -1), forged, PackageException.Reason.ARTIFACT_MISMATCH)
                .hasMessageContaining("SHA-256");
        Path longer = rewrite(pkg, entry, jar -> java.util.Arrays.copyOf(jar, jar.length + 1));
        assertRefused(verifier(List.of(key.trustAnchor()), -1), longer, PackageException.Reason.ARTIFACT_MISMATCH)
                .hasMessageContaining("bytes");
    }

    @Test
    void aTruncatedDownloadIsRefused() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        byte[] all = Files.readAllBytes(pkg);
        for (int keep : new int[] {0, 10, all.length / 2, all.length - 1}) {
            Path cut = dir.resolve("cut-" + keep + ".mgp");
            Files.write(cut, java.util.Arrays.copyOf(all, keep));
            assertRefused(verifier(List.of(key.trustAnchor()), -1), cut, PackageException.Reason.MALFORMED);
        }
    }

    @Test
    void anOlderOrEqualSequenceIsRefusedUnlessItIsASignedRollback() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path old = dir.resolve("old.mgp");
        TestPackages.bundlePackage(dir, 3).build(old, List.of(key));
        assertRefused(verifier(List.of(key.trustAnchor()), 7), old, PackageException.Reason.REPLAYED)
                .hasMessageContaining("sequence 7");
        assertRefused(verifier(List.of(key.trustAnchor()), 3), old, PackageException.Reason.REPLAYED);

        Path rollback = dir.resolve("rollback.mgp");
        TestPackages.bundlePackage(dir, 3).rollback(true).build(rollback, List.of(key));
        try (VerifiedPackage v = verifier(List.of(key.trustAnchor()), 7).verify(rollback)) {
            assertThat(v.manifest().rollback()).isTrue();
        }
    }

    @Test
    void aPackageForAnotherTargetIsRefused() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).target(new Target(List.of("gw-0002"), List.of("metergate-nnap"))).build(pkg, List.of(key));
        assertRefused(verifier(List.of(key.trustAnchor()), -1), pkg, PackageException.Reason.WRONG_TARGET)
                .hasMessageContaining("gw-0001");

        Path byId = dir.resolve("by-id.mgp");
        TestPackages.bundlePackage(dir, 1).target(Target.gateways("gw-0001")).build(byId, List.of(key));
        verifier(List.of(key.trustAnchor()), -1).verify(byId).close();
        Path any = dir.resolve("any.mgp");
        TestPackages.bundlePackage(dir, 1).target(Target.models(Target.ANY_MODEL)).build(any, List.of(key));
        verifier(List.of(key.trustAnchor()), -1).verify(any).close();
    }

    @Test
    void aSignatureLabelledWithAnotherAlgorithmDoesNotVerify() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ECDSA_P256);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        Path relabelled = rewrite(pkg, "signature.json", s -> new String(s, StandardCharsets.UTF_8)
                .replace("ECDSA-P256-SHA256", "ECDSA-brainpoolP256r1-SHA256").getBytes(StandardCharsets.UTF_8));
        assertRefused(verifier(List.of(key.trustAnchor()), -1), relabelled, PackageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void entriesTheManifestDoesNotListAreRefused() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(key));
        Path extra = dir.resolve("extra.mgp");
        copyWith(pkg, extra, "artifacts/bundles/evil.jar", new byte[] {1, 2, 3});
        assertRefused(verifier(List.of(key.trustAnchor()), -1), extra, PackageException.Reason.MALFORMED)
                .hasMessageContaining("evil.jar");
        Path slip = dir.resolve("slip.mgp");
        copyWith(pkg, slip, "../../etc/passwd", new byte[] {1});
        assertRefused(verifier(List.of(key.trustAnchor()), -1), slip, PackageException.Reason.MALFORMED);
    }

    @Test
    void aSecondSignatureByAnotherKeyKeepsTheFirst() throws Exception {
        SigningKey first = SigningKey.generate(SignatureAlgorithm.ED25519);
        SigningKey second = SigningKey.generate(SignatureAlgorithm.ECDSA_BRAINPOOL_P256R1);
        Path pkg = dir.resolve("p.mgp");
        TestPackages.bundlePackage(dir, 1).build(pkg, List.of(first));
        PackageSigner.sign(pkg, pkg, second);
        try (PackageFile f = PackageFile.open(pkg)) {
            assertThat(f.signatures()).extracting(PackageSignature::keyId).containsExactly(first.keyId(), second.keyId());
        }
        verifier(List.of(first.trustAnchor()), -1).verify(pkg).close();
        verifier(List.of(second.trustAnchor()), -1).verify(pkg).close();
    }

    @Test
    void signingRefusesAPackageWhoseArtifactsDoNotMatch() throws Exception {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.ED25519);
        Path pkg = dir.resolve("p.mgp");
        PackageManifest m = TestPackages.bundlePackage(dir, 1).build(pkg);
        Path forged = rewrite(pkg, m.artifacts().get(0).entryName(), b -> new byte[] {42});
        assertThatThrownBy(() -> PackageSigner.sign(forged, dir.resolve("signed.mgp"), key))
                .isInstanceOf(PackageException.class)
                .extracting(e -> ((PackageException) e).reason()).isEqualTo(PackageException.Reason.ARTIFACT_MISMATCH);
    }

    @Test
    void buildingIsReproducible() throws Exception {
        Path a = dir.resolve("a.mgp");
        Path b = dir.resolve("b.mgp");
        TestPackages.bundlePackage(dir, 9).build(a);
        TestPackages.bundlePackage(dir, 9).build(b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ?> assertRefused(PackageVerifier v, Path pkg,
                                                                                    PackageException.Reason reason) {
        return assertThatThrownBy(() -> v.verify(pkg).close())
                .isInstanceOf(PackageException.class)
                .satisfies(e -> assertThat(((PackageException) e).reason()).as(e.getMessage()).isEqualTo(reason));
    }

    /** A copy of the package with one entry's content replaced. */
    private Path rewrite(Path pkg, String entry, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path out = dir.resolve("rewritten-" + System.nanoTime() + ".mgp");
        try (ZipFile in = new ZipFile(pkg.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> e = in.entries();
            boolean found = false;
            while (e.hasMoreElements()) {
                ZipEntry z = e.nextElement();
                byte[] data = in.getInputStream(z).readAllBytes();
                if (z.getName().equals(entry)) {
                    data = change.apply(data);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(z.getName()));
                zip.write(data);
                zip.closeEntry();
            }
            assertThat(found).as("entry " + entry).isTrue();
        }
        return out;
    }

    private static void copyWith(Path pkg, Path out, String name, byte[] data) throws IOException {
        try (ZipFile in = new ZipFile(pkg.toFile()); OutputStream o = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(o)) {
            Enumeration<? extends ZipEntry> e = in.entries();
            while (e.hasMoreElements()) {
                ZipEntry z = e.nextElement();
                zip.putNextEntry(new ZipEntry(z.getName()));
                zip.write(in.getInputStream(z).readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        }
    }
}
