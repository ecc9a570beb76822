package org.metergate.launcher.hes.deploy;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import org.metergate.headend.mqtt.protocol.KuraPayload;
import org.metergate.headend.mqtt.protocol.PayloadCodec;

/**
 * Follows a job on the gateway until it ends: its notifications as they come, and, when none come for a
 * while (the gateway restarting for a firmware, a notification lost), a look with {@code GET/jobs/{id}}.
 */
final class JobFollower {

    static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "ROLLED_BACK");

    /** How a job ended: its status and the last metrics seen. */
    record Outcome(String status, Map<String, Object> metrics) {
        boolean completed() {
            return status.equals("COMPLETED");
        }
    }

    private JobFollower() {
    }

    /**
     * @param connect opens a session again after the connection was lost
     * @param waitSeconds how long to follow at most
     */
    static Outcome follow(DeploySession first, SessionSource connect, String jobId, long waitSeconds, ProgressBar bar,
                          PrintWriter json) throws Exception {
        DeploySession s = first;
        long end = System.nanoTime() + waitSeconds * 1_000_000_000L;
        long lastLook = System.nanoTime();
        Map<String, Object> last = Map.of();
        try {
            while (System.nanoTime() < end) {
                if (!s.connected()) {
                    s.close();
                    s = connect.open(); // a gateway restarting for a firmware comes back on the same broker
                }
                KuraPayload n = s.notification(500);
                Map<String, Object> m = null;
                if (n != null && jobId.equals(n.string("job.id"))) {
                    m = n.metrics();
                } else if (System.nanoTime() - lastLook > 5_000_000_000L) {
                    lastLook = System.nanoTime();
                    KuraPayload r = s.request("GET", java.util.List.of("jobs", jobId), Map.of(), null);
                    if (DeploySession.code(r) == 200) {
                        m = r.metrics();
                    }
                }
                if (m == null) {
                    continue;
                }
                last = m;
                String status = String.valueOf(m.get("job.status"));
                if (json != null) {
                    json.println(PayloadCodec.json().writeValueAsString(m));
                    json.flush();
                } else {
                    bar.show(status, number(m.get("job.progress")), detail(status, m));
                }
                if (TERMINAL.contains(status)) {
                    return new Outcome(status, m);
                }
            }
            return new Outcome("TIMED_OUT", last);
        } finally {
            if (s != first) {
                s.close();
            }
        }
    }

    /** Bytes while downloading, else the gateway's message. */
    static String detail(String status, Map<String, Object> m) {
        if (status.equals("DOWNLOADING") && m.get("dp.download.size") instanceof Number size && size.longValue() > 0) {
            return ProgressBar.bytes(number(m.get("dp.download.offset"))) + " of " + ProgressBar.bytes(size.longValue());
        }
        return String.valueOf(m.getOrDefault("message", ""));
    }

    static int number(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        try {
            return o == null ? 0 : Integer.parseInt(o.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Opens a new session. */
    interface SessionSource {
        DeploySession open() throws Exception;
    }
}
