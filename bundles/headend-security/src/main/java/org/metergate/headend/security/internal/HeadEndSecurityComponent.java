package org.metergate.headend.security.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metergate.api.headend.RequestMethod;
import org.metergate.headend.security.AuthorisationDecision;
import org.metergate.headend.security.HeadEndAuthoriser;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.MarketRole;
import org.metergate.headend.security.RequestSignatures;
import org.metergate.headend.security.SignatureCheck;
import org.metergate.headend.security.crypto.BouncyCastle;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.KeyEnvelope;
import org.metergate.headend.security.crypto.Pem;
import org.metergate.headend.security.crypto.RequestStatement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The G interface's security services: the authorisation policy with the requester-to-role map
 * ({@link HeadEndAuthoriser}), operator signatures against the trust anchors ({@link RequestSignatures}),
 * and the key-transport key ({@link KeyTransport}). A bad configuration (unreadable key, unknown
 * role) keeps the component from activating, and without it the head-end link refuses every request.
 */
@Component(service = {HeadEndAuthoriser.class, RequestSignatures.class, KeyTransport.class},
        configurationPid = HeadEndSecurityComponent.PID, immediate = true)
@Designate(ocd = SecurityConfig.class)
public final class HeadEndSecurityComponent implements HeadEndAuthoriser, RequestSignatures, KeyTransport {

    public static final String PID = "org.metergate.headend.security";
    private static final Logger LOG = LoggerFactory.getLogger(HeadEndSecurityComponent.class);
    private static final int REMEMBERED_SIGNATURES = 10_000;

    private final RoleMap roles;
    private final RequestPolicy policy;
    private final TrustAnchors anchors;
    private final long maxValidityMillis;
    private final KeyPair transport;
    private final boolean addedProvider;
    private final Clock clock;
    /** Signatures accepted, until they expire: the same signature is never accepted twice. */
    private final Map<String, Long> seen = new LinkedHashMap<>();

    @Activate
    public HeadEndSecurityComponent(SecurityConfig config) throws IOException, GeneralSecurityException {
        this(config, Clock.systemUTC());
    }

    HeadEndSecurityComponent(SecurityConfig config, Clock clock) throws IOException, GeneralSecurityException {
        this.clock = clock;
        this.roles = new RoleMap(List.of(config.roles()));
        this.policy = RequestPolicy.withDefaults(List.of(config.policy_rules()));
        String home = System.getProperty("metergate.home");
        this.anchors = TrustAnchors.load(List.of(config.operator_keys()), home == null ? null : Path.of(home));
        if (config.signature_max_validity_s() <= 0) {
            throw new IllegalArgumentException("signature.max.validity.s must be positive");
        }
        this.maxValidityMillis = config.signature_max_validity_s() * 1000;
        this.transport = loadOrCreateTransportKey(transportKeyFile(config.transport_key_file()));
        this.addedProvider = config.tls_bouncycastle_provider() && BouncyCastle.registerLast();
        LOG.info("head-end security: {} role mapping(s), {} trusted operator key(s), key-transport key {}",
                config.roles().length, anchors.size(), EcKeys.keyId(transport.getPublic()));
    }

    @Deactivate
    void deactivate() {
        if (addedProvider) {
            BouncyCastle.unregister();
        }
    }

    static Path transportKeyFile(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return Path.of(System.getProperty("metergate.data", "data"), "headend", "transport-key.pem");
    }

    static KeyPair loadOrCreateTransportKey(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            PrivateKey key = Pem.privateKey(file, null);
            return new KeyPair(EcKeys.publicOf(key), key);
        }
        KeyPair pair = EcKeys.generate("secp256r1");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Pem.writePrivateKey(tmp, pair.getPrivate());
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info("generated the gateway's key-transport key in {}", file);
        return pair;
    }

    // --- HeadEndAuthoriser

    @Override
    public Optional<MarketRole> roleOf(String requester) {
        return roles.roleOf(requester);
    }

    @Override
    public AuthorisationDecision authorise(String requester, String appId, RequestMethod method, List<String> resource) {
        return policy.decide(roles.roleOf(requester), appId, method, resource);
    }

    // --- RequestSignatures

    @Override
    public SignatureCheck verify(String account, String gateway, String appId, RequestMethod method, List<String> resource,
                                 Map<String, Object> metrics, byte[] body) {
        String keyId = metrics.get(RequestStatement.KEY_ID) instanceof String s ? s : "";
        Object sig = metrics.get(RequestStatement.SIGNATURE);
        if (sig == null) {
            return SignatureCheck.refused(keyId, "the request carries no operator signature");
        }
        if (keyId.isEmpty()) {
            return SignatureCheck.refused(keyId, "the request names no signing key (" + RequestStatement.KEY_ID + ")");
        }
        Optional<TrustAnchors.Anchor> anchor = anchors.find(keyId);
        if (anchor.isEmpty()) {
            return SignatureCheck.refused(keyId, "the signing key " + keyId + " is not a trusted operator key");
        }
        long expires;
        Object e = metrics.get(RequestStatement.EXPIRES);
        if (e instanceof Number n) {
            expires = n.longValue();
        } else {
            return SignatureCheck.refused(keyId, "the signature has no expiry time (" + RequestStatement.EXPIRES + ")");
        }
        long now = clock.millis();
        if (expires <= now) {
            return SignatureCheck.refused(keyId, "the signature expired");
        }
        if (expires - now > maxValidityMillis) {
            return SignatureCheck.refused(keyId, "the signature is valid for longer than the gateway allows ("
                    + maxValidityMillis / 1000 + " s)");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(String.valueOf(sig));
        } catch (IllegalArgumentException ex) {
            return SignatureCheck.refused(keyId, "the signature is not base64");
        }
        byte[] statement = RequestStatement.canonical(account, gateway, appId, method.name(), resource, metrics, body);
        if (!EcKeys.verify(anchor.get().key(), statement, signature)) {
            return SignatureCheck.refused(keyId, "the signature does not verify under key " + keyId);
        }
        MarketRole signer = anchor.get().role();
        if (!policy.permits(signer, appId, method, resource)) {
            return SignatureCheck.refused(keyId, "the signing key acts as " + signer + ", which may not "
                    + method + " " + appId + "/" + String.join("/", resource));
        }
        String fingerprint = fingerprint(signature);
        synchronized (seen) {
            seen.values().removeIf(until -> until <= now);
            if (seen.containsKey(fingerprint)) {
                return SignatureCheck.refused(keyId, "the signature was used before (replay)");
            }
            if (seen.size() >= REMEMBERED_SIGNATURES) {
                return SignatureCheck.refused(keyId, "too many signed requests in the validity window; try again later");
            }
            seen.put(fingerprint, expires);
        }
        return new SignatureCheck(true, keyId, Optional.of(signer), "");
    }

    private static String fingerprint(byte[] signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- KeyTransport

    @Override
    public PublicKey publicKey() {
        return transport.getPublic();
    }

    @Override
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(transport.getPublic().getEncoded());
    }

    @Override
    public byte[] open(byte[] envelope, String context) throws GeneralSecurityException {
        return KeyEnvelope.open(transport.getPrivate(), transport.getPublic(), envelope, context);
    }
}
