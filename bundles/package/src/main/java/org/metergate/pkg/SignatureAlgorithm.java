package org.metergate.pkg;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The signature algorithms a package may be signed with. Each is bound to one key type, so the
 * algorithm in a signature must match the key that verifies it: a P-256 key never verifies a
 * signature labelled brainpool.
 */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032), the message signed as it is. */
    ED25519("Ed25519", "Ed25519", null, "Ed25519"),
    /** ECDSA on NIST P-256 (secp256r1) over SHA-256. */
    ECDSA_P256("ECDSA-P256-SHA256", "SHA256withECDSA", X9ObjectIdentifiers.prime256v1, "secp256r1"),
    /** ECDSA on brainpoolP256r1 (RFC 5639) over SHA-256. */
    ECDSA_BRAINPOOL_P256R1("ECDSA-brainpoolP256r1-SHA256", "SHA256withECDSA", TeleTrusTObjectIdentifiers.brainpoolP256r1,
            "brainpoolP256r1");

    private final String jsonName;
    private final String jcaSignature;
    private final ASN1ObjectIdentifier curve;
    private final String keyGenName;

    SignatureAlgorithm(String jsonName, String jcaSignature, ASN1ObjectIdentifier curve, String keyGenName) {
        this.jsonName = jsonName;
        this.jcaSignature = jcaSignature;
        this.curve = curve;
        this.keyGenName = keyGenName;
    }

    /** The name in signature blocks. */
    public String jsonName() {
        return jsonName;
    }

    String jcaSignature() {
        return jcaSignature;
    }

    /** The curve (or Ed25519) name for key generation and for people. */
    public String keyName() {
        return keyGenName;
    }

    boolean ecdsa() {
        return curve != null;
    }

    public static SignatureAlgorithm ofJson(String name) throws PackageException {
        for (SignatureAlgorithm a : values()) {
            if (a.jsonName.equals(name)) {
                return a;
            }
        }
        throw new PackageException(PackageException.Reason.MALFORMED, "signature: unknown algorithm '" + name
                + "' (Ed25519, ECDSA-P256-SHA256, ECDSA-brainpoolP256r1-SHA256)");
    }

    /** Parses a command-line name: {@code ed25519}, {@code p256}/{@code secp256r1}, {@code brainpoolP256r1}; any case. */
    public static SignatureAlgorithm ofName(String name) throws PackageException {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        return switch (n) {
            case "ed25519" -> ED25519;
            case "p256", "secp256r1", "prime256v1", "ecdsap256sha256" -> ECDSA_P256;
            case "brainpoolp256r1", "ecdsabrainpoolp256r1sha256" -> ECDSA_BRAINPOOL_P256R1;
            default -> throw new PackageException(PackageException.Reason.KEY,
                    "unknown algorithm '" + name + "' (ed25519, p256, brainpoolP256r1)");
        };
    }

    /** The algorithm a public key (DER SubjectPublicKeyInfo) signs with, by its algorithm and named curve. */
    static SignatureAlgorithm of(SubjectPublicKeyInfo info) throws PackageException {
        ASN1ObjectIdentifier alg = info.getAlgorithm().getAlgorithm();
        if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return ED25519;
        }
        if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable params = info.getAlgorithm().getParameters();
            if (params instanceof ASN1ObjectIdentifier named) {
                for (SignatureAlgorithm a : values()) {
                    if (named.equals(a.curve)) {
                        return a;
                    }
                }
                throw new PackageException(PackageException.Reason.KEY, "EC key on curve " + named.getId()
                        + ": only P-256 and brainpoolP256r1 are accepted");
            }
            throw new PackageException(PackageException.Reason.KEY, "EC key without a named curve: only P-256 and brainpoolP256r1 are accepted");
        }
        throw new PackageException(PackageException.Reason.KEY, "key algorithm " + alg.getId()
                + " is not accepted: only Ed25519 and ECDSA (P-256, brainpoolP256r1)");
    }
}
