package org.metergate.headend.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.api.headend.RequestMethod;
import org.metergate.headend.security.MarketRole;
import org.metergate.headend.security.SignatureCheck;
import org.metergate.headend.security.crypto.EcKeys;
import org.metergate.headend.security.crypto.KeyEnvelope;
import org.metergate.headend.security.crypto.Pem;
import org.metergate.headend.security.crypto.RequestStatement;

class HeadEndSecurityComponentTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final List<String> ACTUATOR = List.of("actuator", "KAM-12345678");

    @TempDir
    Path dir;

    private SecurityConfig config(String[] keys, String transportFile) {
        return new SecurityConfig() {
            public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
            public String[] roles() { return new String[] {"hes-*=MSO", "shop-*=SUPPLIER"}; }
            public String[] operator_keys() { return keys; }
            public String[] policy_rules() { return new String[0]; }
            public long signature_max_validity_s() { return 600; }
            public String transport_key_file() { return transportFile; }
            public boolean tls_bouncycastle_provider() { return false; }
        };
    }

    private Map<String, Object> signed(KeyPair k, long expires, Map<String, Object> metrics) throws Exception {
        return RequestStatement.sign(k.getPrivate(), "acme", "gw-1", "COMMANDS-V1", "EXEC", ACTUATOR, metrics, null, expires);
    }

    private SignatureCheck verify(HeadEndSecurityComponent c, Map<String, Object> m) {
        return c.verify("acme", "gw-1", "COMMANDS-V1", RequestMethod.EXEC, ACTUATOR, m, new byte[0]);
    }

    @Test
    void onlyFreshSignaturesOfTrustedKeysWhoseRoleMayActPass() throws Exception {
        KeyPair mso = EcKeys.generate("brainpoolP256r1");
        KeyPair supplier = EcKeys.generate("secp256r1");
        KeyPair stranger = EcKeys.generate("secp256r1");
        Files.writeString(dir.resolve("mso.pem"), Pem.text(mso.getPublic()));
        Files.writeString(dir.resolve("supplier.pem"), Pem.text(supplier.getPublic()));
        HeadEndSecurityComponent c = new HeadEndSecurityComponent(config(new String[] {
            "MSO:" + dir.resolve("mso.pem"), "SUPPLIER:" + dir.resolve("supplier.pem")}, dir.resolve("t.pem").toString()),
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        Map<String, Object> base = new HashMap<>(Map.of("request.id", "r1", "requester.client.id", "hes-1", "action", "DISCONNECT"));

        Map<String, Object> good = signed(mso, NOW + 60_000, base);
        SignatureCheck ok = verify(c, good);
        assertThat(ok.valid()).as(ok.reason()).isTrue();
        assertThat(ok.signerRole()).contains(MarketRole.METER_SITE_OPERATOR);
        assertThat(verify(c, good).reason()).isEqualTo("the signature was used before (replay)");

        Map<String, Object> tampered = signed(mso, NOW + 60_000, Map.of("request.id", "r2", "action", "DISCONNECT"));
        tampered.put("action", "CONNECT");
        assertThat(verify(c, tampered).reason()).startsWith("the signature does not verify");

        assertThat(verify(c, base).reason()).isEqualTo("the request carries no operator signature");
        assertThat(verify(c, signed(stranger, NOW + 60_000, Map.of("request.id", "r3"))).reason()).contains("is not a trusted operator key");
        assertThat(verify(c, signed(mso, NOW - 1, Map.of("request.id", "r4"))).reason()).isEqualTo("the signature expired");
        assertThat(verify(c, signed(mso, NOW + 3_600_000, Map.of("request.id", "r5"))).reason()).contains("longer than the gateway allows");
        assertThat(verify(c, signed(supplier, NOW + 60_000, Map.of("request.id", "r6"))).reason())
                .isEqualTo("the signing key acts as SUPPLIER, which may not EXEC COMMANDS-V1/actuator/KAM-12345678");
        Map<String, Object> garbled = signed(mso, NOW + 60_000, Map.of("request.id", "r7"));
        garbled.put("signature", "***");
        assertThat(verify(c, garbled).reason()).isEqualTo("the signature is not base64");
    }

    @Test
    void theTransportKeyIsMadeOnceKeptPrivateAndOpensEnvelopes() throws Exception {
        Path file = dir.resolve("sub/transport.pem");
        HeadEndSecurityComponent a = new HeadEndSecurityComponent(config(new String[0], file.toString()));
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        HeadEndSecurityComponent b = new HeadEndSecurityComponent(config(new String[0], file.toString()));
        assertThat(b.publicKeyBase64()).isEqualTo(a.publicKeyBase64());
        byte[] env = KeyEnvelope.seal(a.publicKey(), new byte[16], "gw/KAM-12345678");
        assertThat(b.open(env, "gw/KAM-12345678")).hasSize(16);
        assertThat(b.authorise("shop-7", "COMMANDS-V1", RequestMethod.EXEC, List.of("tariff", "X")).allowed()).isTrue();
        assertThat(b.authorise("nobody", "METERS-V1", RequestMethod.GET, List.of("meters")).allowed()).isFalse();
    }
}
