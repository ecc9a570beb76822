/**
 * Signed update packages for Metergate gateways: how features, bundles and the gateway's own
 * distribution ("firmware") travel from an operator to a gateway.
 *
 * <h2>Package file, format 1</h2>
 * A ZIP file (by convention {@code .mgp}) holding exactly:
 * <pre>
 * manifest.json         the manifest (below), UTF-8 JSON; the signatures cover its exact bytes
 * signature.json        the signatures over manifest.json (absent in an unsigned package)
 * artifacts/PATH        one entry per artifact the manifest lists, nothing else
 * </pre>
 * Any other entry, a duplicate entry, or an artifact the manifest lists but the file lacks makes the
 * package malformed. Paths are relative, {@code /}-separated, made of the characters
 * {@code A-Z a-z 0-9 . _ + -} with no {@code .} or {@code ..} segment.
 *
 * <h2>Manifest</h2>
 * <pre>
 * {
 *   "format": 1,
 *   "kind": "feature" | "bundle" | "firmware",
 *   "id": "org.metergate:radio-c",     feature: groupId:artifactId of its feature id; bundle: its
 *                                      Bundle-SymbolicName; firmware: "firmware"
 *   "version": "0.1.0",                the feature's, bundle's or distribution's version
 *   "sequence": 7,                     monotonic per id: a gateway refuses one not above the last it
 *                                      accepted for that id, unless "rollback" is true
 *   "rollback": false,                 signed permission to go back to a lower sequence
 *   "target": {"gateways": ["gw-0001"], "models": ["metergate-lnap"]},
 *                                      the package is for a gateway whose id or model is listed;
 *                                      "*" in models means every gateway; both empty is refused
 *   "created": "2026-01-01T00:00:00Z",
 *   "description": "free text",
 *   "artifacts": [
 *     {"path": "feature.json", "role": "feature", "size": 812, "sha256": "64 hex digits"},
 *     {"path": "bundles/org.metergate/org.metergate.radio.c-0.1.0.jar", "role": "bundle", ...},
 *     {"path": "bin/metergate", "role": "file", "executable": true, ...}
 *   ]
 * }
 * </pre>
 * A feature package holds exactly one {@code feature} artifact (OSGi R8 Feature JSON) and a
 * {@code bundle} artifact for each bundle it names, at {@code bundles/<groupId>/<artifactId>-<version>.jar};
 * a bundle package exactly one {@code bundle}; a firmware package the files of a distribution
 * ({@code file}), paths relative to its root.
 *
 * <h2>Signatures</h2>
 * <pre>
 * {"signatures": [{"algorithm": "Ed25519", "key": "64 hex digits", "value": "base64"}]}
 * </pre>
 * {@code algorithm} is {@code Ed25519} (RFC 8032, pure), {@code ECDSA-P256-SHA256} or
 * {@code ECDSA-brainpoolP256r1-SHA256} (ECDSA over SHA-256, the signature DER-encoded as in X9.62;
 * brainpool per RFC 5639), all computed with Bouncy Castle. {@code key} is the key id: SHA-256 of the
 * signer's public key as DER SubjectPublicKeyInfo. A package is accepted when at least one signature by
 * a trust anchor of the gateway verifies; trust anchors are PEM public keys or X.509 certificates.
 * Verification checks, in this order: structure, signature, target, sequence, then every artifact's
 * size and SHA-256 - all before anything is installed.
 */
@Export
@Version("1.1.0")
package org.metergate.pkg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
