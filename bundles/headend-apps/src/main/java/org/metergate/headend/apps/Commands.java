package org.metergate.headend.apps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metergate.api.command.CommandResult;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.reading.Reading;

/** What commands have in common: their id and how an outcome becomes a reply. */
final class Commands {

    private Commands() {
    }

    /** The command id: the job id when the head-end gave one, else requester and request id (the router never runs an id twice). */
    static String commandId(HeadEndRequest r) {
        Object job = r.metrics().get("job.id");
        return job != null && !String.valueOf(job).isEmpty() ? "job:" + job : r.requester() + ":" + r.requestId();
    }

    /** DONE 200, REFUSED 403, UNREACHABLE 404, FAILED 502, TIMED_OUT 504; metrics outcome and detail, body the readings. */
    static HeadEndResponse response(CommandResult result) {
        int code = switch (result.outcome()) {
            case DONE -> 200;
            case REFUSED -> 403;
            case UNREACHABLE -> 404;
            case FAILED -> 502;
            case TIMED_OUT -> 504;
        };
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("outcome", result.outcome().name());
        metrics.put("detail", result.detail());
        if (code != 200) {
            metrics.put("response.exception.message", result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (result.detail().isEmpty() ? "" : ": " + result.detail()));
        }
        ObjectNode body = Json.object();
        ArrayNode a = body.putArray("readings");
        for (Reading r : result.readings()) {
            a.add(Json.reading(null, r));
        }
        HeadEndResponse ok = Json.ok(metrics, body);
        return new HeadEndResponse(code, ok.metrics(), ok.body());
    }
}
