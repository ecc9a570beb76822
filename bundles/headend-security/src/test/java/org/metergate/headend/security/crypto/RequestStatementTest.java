package org.metergate.headend.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestStatementTest {

    @Test
    void theStatementIsCanonicalAndCoversEveryMetricButTheSignature() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requester.client.id", "hes-1");
        m.put("request.id", "r-1");
        m.put("action", "DISCONNECT");
        m.put("count", 3);
        m.put("ratio", 0.5d);
        m.put("signature", "ignored");
        m.put("metergate.role", "ignored too");
        String text = new String(RequestStatement.canonical("acme", "gw-1", "COMMANDS-V1", "EXEC",
                List.of("actuator", "KAM-12345678"), m, new byte[0]), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                metergate-request-signature-v1
                account=acme
                gateway=gw-1
                app=COMMANDS-V1
                method=EXEC
                resource=actuator/KAM-12345678
                body-sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                metric.action=DISCONNECT
                metric.count=3
                metric.ratio=0.5
                metric.request.id=r-1
                metric.requester.client.id=hes-1
                """);
        // a long from JSON and an int from protobuf give the same text
        m.put("count", 3L);
        assertThat(new String(RequestStatement.canonical("acme", "gw-1", "COMMANDS-V1", "EXEC",
                List.of("actuator", "KAM-12345678"), m, null), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void newLinesCannotForgeLines() {
        Map<String, Object> a = Map.of("x", "1\nmetric.y=2");
        Map<String, Object> b = Map.of("x", "1", "y", "2");
        assertThat(RequestStatement.canonical("a", "g", "A", "GET", List.of("r"), a, null))
                .isNotEqualTo(RequestStatement.canonical("a", "g", "A", "GET", List.of("r"), b, null));
    }

    @Test
    void signedMetricsVerify() throws Exception {
        KeyPair kp = EcKeys.generate("brainpoolP256r1");
        Map<String, Object> signed = RequestStatement.sign(kp.getPrivate(), "acme", "gw", "COMMANDS-V1", "EXEC",
                List.of("actuator", "KAM-12345678"), Map.of("request.id", "1", "action", "CONNECT"), null, 1234L);
        assertThat(signed).containsKeys(RequestStatement.KEY_ID, RequestStatement.EXPIRES, RequestStatement.SIGNATURE);
        assertThat(signed.get(RequestStatement.KEY_ID)).isEqualTo(EcKeys.keyId(kp.getPublic()));
        byte[] statement = RequestStatement.canonical("acme", "gw", "COMMANDS-V1", "EXEC", List.of("actuator", "KAM-12345678"), signed, null);
        byte[] sig = Base64.getDecoder().decode((String) signed.get(RequestStatement.SIGNATURE));
        assertThat(EcKeys.verify(kp.getPublic(), statement, sig)).isTrue();
        byte[] other = RequestStatement.canonical("acme", "gw-2", "COMMANDS-V1", "EXEC", List.of("actuator", "KAM-12345678"), signed, null);
        assertThat(EcKeys.verify(kp.getPublic(), other, sig)).as("bound to the gateway").isFalse();
    }
}
