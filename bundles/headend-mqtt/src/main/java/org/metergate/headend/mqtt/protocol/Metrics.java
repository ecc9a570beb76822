package org.metergate.headend.mqtt.protocol;

/** Metric names of the G interface's messages (Kura's names where Kura has one). */
public final class Metrics {

    public static final String REQUEST_ID = "request.id";
    public static final String REQUESTER = "requester.client.id";
    public static final String JOB_ID = "job.id";
    public static final String RESPONSE_CODE = "response.code";
    public static final String RESPONSE_MESSAGE = "response.exception.message";
    /** Push messages: the gateway, the meter, how many items, first and last id. */
    public static final String GATEWAY = "gateway";
    public static final String METER = "meter";
    public static final String COUNT = "count";
    public static final String FIRST_ID = "first.id";
    public static final String LAST_ID = "last.id";

    private Metrics() {
    }
}
