package org.metergate.headend.security.crypto;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical statement that an operator signs to authorise a head-end request (actuator commands
 * must be signed), and the signing itself. The statement is UTF-8 text, lines ending in LF:
 *
 * <pre>
 * metergate-request-signature-v1
 * account=&lt;account&gt;
 * gateway=&lt;gateway client id&gt;
 * app=&lt;application id&gt;
 * method=&lt;GET|PUT|POST|DEL|EXEC&gt;
 * resource=&lt;resource segments joined by /&gt;
 * body-sha256=&lt;lower-case hex SHA-256 of the body (of zero bytes when empty)&gt;
 * metric.&lt;name&gt;=&lt;value&gt;     one line per request metric, sorted by name (UTF-16 order)
 * </pre>
 *
 * Every metric is covered except {@value #SIGNATURE} itself and the names starting with
 * {@value #RESERVED_PREFIX} (the gateway's own annotations). That includes {@code request.id},
 * {@code requester.client.id}, {@value #KEY_ID} and {@value #EXPIRES}, so a signature binds the
 * command to one request, requester, gateway and time window. Values are written as text: strings as
 * they are, integers in decimal, booleans {@code true}/{@code false}, floating-point numbers as their
 * shortest exact decimal (JSON and protobuf payloads give the same text), bytes in base64; in names and
 * values a backslash is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r}.
 * The signature is ECDSA (hash by curve size, see {@link EcKeys}) over the statement bytes, DER
 * encoded, in base64 in metric {@value #SIGNATURE}.
 */
public final class RequestStatement {

    /** Metric: base64 of the DER ECDSA signature. */
    public static final String SIGNATURE = "signature";
    /** Metric: the signing key's id ({@link EcKeys#keyId}). */
    public static final String KEY_ID = "signature.key";
    /** Metric: end of the signature's validity, epoch milliseconds. */
    public static final String EXPIRES = "signature.expires";
    /** Metric names the gateway adds to a request itself; never signed, stripped from what arrives. */
    public static final String RESERVED_PREFIX = "metergate.";

    static final String HEADER = "metergate-request-signature-v1";

    private RequestStatement() {
    }

    /** The statement bytes for a request (the {@value #SIGNATURE} metric, if present, is left out). */
    public static byte[] canonical(String account, String gateway, String app, String method, List<String> resource,
                                   Map<String, ?> metrics, byte[] body) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        line(sb, "account", account);
        line(sb, "gateway", gateway);
        line(sb, "app", app);
        line(sb, "method", method);
        line(sb, "resource", String.join("/", resource));
        line(sb, "body-sha256", HexFormat.of().formatHex(sha256(body == null ? new byte[0] : body)));
        TreeMap<String, Object> sorted = new TreeMap<>(metrics);
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (e.getKey().equals(SIGNATURE) || e.getKey().startsWith(RESERVED_PREFIX)) {
                continue;
            }
            line(sb, "metric." + e.getKey(), valueText(e.getValue()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The metrics of a signed request: {@code metrics} plus {@value #KEY_ID}, {@value #EXPIRES} and
     * {@value #SIGNATURE}, in that order after the given ones.
     */
    public static Map<String, Object> sign(PrivateKey key, String account, String gateway, String app, String method,
                                           List<String> resource, Map<String, ?> metrics, byte[] body, long expiresEpochMillis)
            throws GeneralSecurityException {
        Map<String, Object> signed = new LinkedHashMap<>(metrics);
        signed.remove(SIGNATURE);
        signed.put(KEY_ID, EcKeys.keyId(EcKeys.publicOf(key)));
        signed.put(EXPIRES, expiresEpochMillis);
        byte[] statement = canonical(account, gateway, app, method, resource, signed, body);
        signed.put(SIGNATURE, Base64.getEncoder().encodeToString(EcKeys.sign(key, statement)));
        return signed;
    }

    static String valueText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return String.valueOf(v);
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(escape(name)).append('=').append(escape(value)).append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
