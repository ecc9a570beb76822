package org.metergate.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Decides whether a package may be installed on this gateway, before anything of it is used:
 * structure, a valid signature by a trust anchor, the target, the sequence number, and then the
 * size and SHA-256 of every artifact.
 */
public final class PackageVerifier {

    private final List<TrustAnchor> anchors;
    private final GatewayIdentity gateway;
    private final Function<String, OptionalLong> lastAccepted;

    /**
     * @param anchors the keys this gateway trusts
     * @param gateway this gateway, or null to skip the target check (an operator's desk check)
     * @param lastAccepted the highest sequence number accepted so far for a package id, if any
     */
    public PackageVerifier(List<TrustAnchor> anchors, GatewayIdentity gateway, Function<String, OptionalLong> lastAccepted) {
        this.anchors = List.copyOf(anchors);
        this.gateway = gateway;
        this.lastAccepted = Objects.requireNonNull(lastAccepted, "lastAccepted");
    }

    /** Checks signatures and artifacts only: no target, no sequence. */
    public static PackageVerifier signaturesOnly(List<TrustAnchor> anchors) {
        return new PackageVerifier(anchors, null, id -> OptionalLong.empty());
    }

    /**
     * Verifies a package; the result keeps it open for extraction and must be closed.
     *
     * @throws PackageException with the first check that failed as its reason
     */
    public VerifiedPackage verify(Path file) throws PackageException {
        PackageFile p = PackageFile.open(file);
        try {
            VerifiedPackage v = verify(p);
            p = null;
            return v;
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    private VerifiedPackage verify(PackageFile p) throws PackageException {
        PackageManifest m = p.manifest();
        TrustAnchor signer = signer(p);
        if (gateway != null && !m.target().matches(gateway)) {
            throw new PackageException(PackageException.Reason.WRONG_TARGET, "package " + m.label() + " is for "
                    + m.target() + ", not for gateway " + gateway.id() + " (model " + gateway.model() + ")");
        }
        OptionalLong last = lastAccepted.apply(m.id());
        if (last.isPresent() && m.sequence() <= last.getAsLong() && !m.rollback()) {
            throw new PackageException(PackageException.Reason.REPLAYED, "package " + m.label()
                    + " is not newer than sequence " + last.getAsLong() + " already accepted for " + m.id()
                    + ", and it is not a signed rollback");
        }
        for (Artifact a : m.artifacts()) {
            try (InputStream in = p.open(a)) {
                check(a, Digests.measure(new LimitedInputStream(in, a.size() + 1)));
            } catch (IOException e) {
                throw new PackageException(PackageException.Reason.ARTIFACT_MISMATCH, "artifact " + a.path()
                        + " of " + m.label() + " cannot be read completely: " + e.getMessage());
            }
        }
        return new VerifiedPackage(p, Digests.sha256Hex(p.manifestBytes()), signer);
    }

    private TrustAnchor signer(PackageFile p) throws PackageException {
        PackageManifest m = p.manifest();
        if (p.signatures().isEmpty()) {
            throw new PackageException(PackageException.Reason.UNSIGNED, "package " + m.label() + " is not signed");
        }
        if (anchors.isEmpty()) {
            throw new PackageException(PackageException.Reason.UNTRUSTED_SIGNER, "package " + m.label()
                    + " cannot be trusted: no trust anchors are configured");
        }
        byte[] manifest = p.manifestBytes();
        boolean trustedButInvalid = false;
        for (PackageSignature s : p.signatures()) {
            for (TrustAnchor a : anchors) {
                if (a.keyId().equals(s.keyId())) {
                    if (s.verifies(a, manifest)) {
                        return a;
                    }
                    trustedButInvalid = true;
                }
            }
        }
        if (trustedButInvalid) {
            throw new PackageException(PackageException.Reason.BAD_SIGNATURE, "package " + m.label()
                    + ": the signature by a trusted key does not verify (manifest changed after signing)");
        }
        throw new PackageException(PackageException.Reason.UNTRUSTED_SIGNER, "package " + m.label()
                + " is signed by keys this gateway does not trust: " + p.signatures().stream().map(PackageSignature::keyId).toList());
    }

    static void check(Artifact a, Digests.Measured got) throws PackageException {
        if (got.size() != a.size()) {
            throw new PackageException(PackageException.Reason.ARTIFACT_MISMATCH, "artifact " + a.path() + " has "
                    + (got.size() > a.size() ? "more than " : "") + got.size() + " bytes, the manifest says " + a.size());
        }
        if (!got.sha256().equals(a.sha256())) {
            throw new PackageException(PackageException.Reason.ARTIFACT_MISMATCH, "artifact " + a.path()
                    + " does not have the SHA-256 its manifest says (changed after signing)");
        }
    }

    /** Stops after {@code limit} bytes, so a lying entry cannot make verification read forever. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
