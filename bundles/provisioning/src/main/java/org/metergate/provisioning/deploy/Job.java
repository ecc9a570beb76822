package org.metergate.provisioning.deploy;

import java.time.Instant;
import org.metergate.provisioning.Phase;

/**
 * One request of the head-end that runs longer than its reply: a download (with the install that may
 * follow it), an install, an uninstall or a rollback. Its {@code job.id} makes the request harmless to
 * repeat: the same id is answered with the job's state, never started twice. Kept in
 * {@code jobs.json} across restarts.
 */
final class Job {

    enum Kind { DOWNLOAD, INSTALL, UNINSTALL, ROLLBACK }

    /** How a download arrives. */
    enum Transport { MQTT, HTTPS }

    final String id;
    final Kind kind;
    final String requester;
    final Instant created;
    String name = "";
    String version = "";
    /** Download: where from ({@code https://...}), empty for chunks over MQTT. */
    String uri = "";
    Transport transport = Transport.MQTT;
    /** Download: total size, -1 when not known yet (HTTPS without Content-Length). */
    long size = -1;
    /** Download: expected SHA-256 of the whole package, lower-case hex. */
    String sha256 = "";
    /** Download: bytes received and durable. */
    long received;
    /** Download: every byte arrived and the whole package has the SHA-256 it was announced with. */
    boolean complete;
    /** Download: install once complete. */
    boolean install = true;
    /** Install: the download job whose package to install. */
    String downloadJob = "";
    Phase status = Phase.DOWNLOADING;
    int progress;
    String reason = "";
    String message = "";
    /** Firmware jobs: the slot written, to finish the job after the restart. */
    String firmwareSlot = "";
    Instant updated;

    Job(String id, Kind kind, String requester, Instant created) {
        this.id = id;
        this.kind = kind;
        this.requester = requester == null ? "" : requester;
        this.created = created;
        this.updated = created;
    }

    boolean terminal() {
        return status.terminal();
    }

    @Override
    public String toString() {
        return kind + " job " + id + " " + status;
    }
}
