package org.metergate.headend.mqtt.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The topic layout of the G interface, in the namespace of Eclipse Kura/Kapua.
 *
 * <pre>
 * $EDC/{account}/{client}/MQTT/BIRTH                        birth certificate (retained by default)
 * $EDC/{account}/{client}/MQTT/DC                           disconnect message (retained by default)
 * $EDC/{account}/{client}/MQTT/LWT                          last will (retained by default)
 * $EDC/{account}/{client}/{app}/{GET|PUT|POST|DEL|EXEC}/{resource...}   requests to the gateway
 * $EDC/{account}/{requester}/{app}/REPLY/{request.id}       replies, QoS 1
 * $EDC/{account}/{requester}/{app}/NOTIFY/{client}/{resource...}   notifications of applications to a requester
 * {account}/{client}/METERS-V1/readings/{MAN-IDENTIFICATION}   pushed readings of one meter
 * {account}/{client}/METERS-V1/events/{MAN-IDENTIFICATION}     pushed events of one meter
 * {account}/{client}/METERS-V1/events/gateway                  pushed events of the gateway and its links
 * </pre>
 *
 * A topic level never contains {@code /}, {@code +}, {@code #} or NUL and is never empty: ids that do
 * are refused ({@link #checkLevel}).
 */
public final class Topics {

    public static final String CONTROL_PREFIX = "$EDC";
    public static final String LIFECYCLE = "MQTT";
    public static final String BIRTH = "BIRTH";
    public static final String DISCONNECT = "DC";
    public static final String WILL = "LWT";
    public static final String REPLY = "REPLY";
    public static final String NOTIFY = "NOTIFY";
    /** The application id under which the gateway pushes meter data. */
    public static final String DATA_APP = "METERS-V1";
    public static final String READINGS = "readings";
    public static final String EVENTS = "events";
    /** The last level of events that concern no meter. */
    public static final String GATEWAY = "gateway";

    /** A request to (or reply from) the gateway, parsed from a control topic. */
    public record ControlTopic(String account, String client, String app, String verb, List<String> resource) {
    }

    /** A push topic, parsed. */
    public record DataTopic(String account, String client, String kind, String meter) {
    }

    private Topics() {
    }

    public static String lifecycle(String account, String client, String kind) {
        return String.join("/", CONTROL_PREFIX, account, client, LIFECYCLE, kind);
    }

    /** All lifecycle messages of an account ({@code client} may be {@code +}). */
    public static String lifecycleFilter(String account, String client) {
        return String.join("/", CONTROL_PREFIX, account, client, LIFECYCLE, "+");
    }

    /** What a gateway subscribes to for its requests. */
    public static String requestFilter(String account, String client) {
        return String.join("/", CONTROL_PREFIX, account, client, "#");
    }

    public static String request(String account, String client, String app, String verb, List<String> resource) {
        StringBuilder sb = new StringBuilder(String.join("/", CONTROL_PREFIX, account, client, app, verb));
        for (String r : resource) {
            sb.append('/').append(r);
        }
        return sb.toString();
    }

    public static String reply(String account, String requester, String app, String requestId) {
        return String.join("/", CONTROL_PREFIX, account, requester, app, REPLY, requestId);
    }

    /** Every reply to one requester. */
    public static String replyFilter(String account, String requester) {
        return String.join("/", CONTROL_PREFIX, account, requester, "+", REPLY, "#");
    }

    /**
     * A notification of gateway {@code client}'s application to {@code requester}: in the requester's
     * topic space, as Kura's DEPLOY-V2 notifies ({@code $EDC/{account}/{requester}/DEPLOY-V2/NOTIFY/{client}/download}).
     */
    public static String notification(String account, String requester, String client, String app, List<String> resource) {
        StringBuilder sb = new StringBuilder(String.join("/", CONTROL_PREFIX, account, requester, app, NOTIFY, client));
        for (String r : resource) {
            sb.append('/').append(r);
        }
        return sb.toString();
    }

    public static String data(String account, String client, String kind, String meter) {
        return String.join("/", account, client, DATA_APP, kind, meter);
    }

    /** Push topics of one gateway ({@code client} may be {@code +}). */
    public static String dataFilter(String account, String client) {
        return String.join("/", account, client, DATA_APP, "#");
    }

    public static Optional<ControlTopic> parseControl(String topic) {
        List<String> l = Arrays.asList(topic.split("/", -1));
        if (l.size() < 5 || !l.get(0).equals(CONTROL_PREFIX) || l.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new ControlTopic(l.get(1), l.get(2), l.get(3), l.get(4), List.copyOf(l.subList(5, l.size()))));
    }

    public static Optional<DataTopic> parseData(String topic) {
        String[] l = topic.split("/", -1);
        if (l.length != 5 || !l[2].equals(DATA_APP) || (!l[3].equals(READINGS) && !l[3].equals(EVENTS))) {
            return Optional.empty();
        }
        return Optional.of(new DataTopic(l[0], l[1], l[3], l[4]));
    }

    /** True when {@code s} may be one topic level. */
    public static boolean isLevel(String s) {
        if (s == null || s.isEmpty() || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code s} when it may be one topic level, else throws naming what it is. */
    public static String checkLevel(String what, String s) {
        if (!isLevel(s)) {
            throw new IllegalArgumentException(what + " '" + s + "' cannot be a topic level (empty, too long, or has / + # or NUL)");
        }
        return s;
    }
}
