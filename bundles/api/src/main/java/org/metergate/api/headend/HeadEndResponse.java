package org.metergate.api.headend;

import java.util.Map;

/**
 * An application's answer to a {@link HeadEndRequest}, sent back to the head-end system over G (TR 50572).
 *
 * @param code an HTTP-like response code (200 OK, 400 bad request, 403 refused, 404 unknown, 500 error)
 * @param metrics named result values
 * @param body the response body, possibly empty
 */
public record HeadEndResponse(int code, Map<String, Object> metrics, byte[] body) {

    public HeadEndResponse {
        metrics = Map.copyOf(metrics);
        body = body == null ? new byte[0] : body.clone();
    }

    public static HeadEndResponse ok(Map<String, Object> metrics) {
        return new HeadEndResponse(200, metrics, null);
    }

    public static HeadEndResponse error(int code, String message) {
        return new HeadEndResponse(code, Map.of("response.exception.message", message), null);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
