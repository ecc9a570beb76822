package org.metergate.headend.apps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.command.CommandRouter;
import org.metergate.api.command.MeterCommand;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.journal.Journal;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.reading.EventType;
import org.metergate.api.reading.MeterEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COMMANDS-V1: commands to meters (TR 50572 downlink) through the core's command router.
 * {@code EXEC actuator/{id}} (metrics {@code actuator} BREAKER|VALVE, {@code action}
 * CONNECT|DISCONNECT|RELEASE_FOR_RECONNECTION; signed), {@code EXEC clock/{id}} (metric {@code time},
 * default now), {@code EXEC tariff/{id}} (metrics {@code tariff}, {@code effective.from}). Optional
 * {@code deadline.s} (default 300): how long the command is worth executing, {@code TIMED_OUT} after it.
 * The reply waits for the outcome at most {@code wait.s} (default and most 30 s); a command still running
 * then is answered 202 {@code PENDING}, and its outcome follows as a notification
 * to the requester, {@code $EDC/{account}/{requester}/COMMANDS-V1/NOTIFY/{gateway}/{kind}} (metrics {@code request.id}, {@code job.id} when given,
 * {@code meter}, {@code outcome}, {@code response.code}, {@code detail}); repeating the request with the
 * same {@code job.id} also answers it. The link checks roles and signatures before a
 * request gets here; an actuator command without the link's signature mark is refused again here
 * (defence in depth) and journaled as {@code COMMAND_REFUSED}.
 */
@Component(service = HeadEndApplication.class, property = HeadEndApplication.APP_ID + "=" + CommandsApplication.APP)
public final class CommandsApplication implements HeadEndApplication {

    public static final String APP = "COMMANDS-V1";
    private static final Logger LOG = LoggerFactory.getLogger(CommandsApplication.class);
    private static final long WAIT_SECONDS = 30;

    private final MeterRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommandRouter router;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Journal journal;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HeadEndLink link;

    @Activate
    public CommandsApplication(@Reference MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HeadEndResponse handle(HeadEndRequest r) throws Exception {
        try {
            return route(r);
        } catch (Json.BadRequest e) {
            return e.response();
        }
    }

    private HeadEndResponse route(HeadEndRequest r) throws Exception {
        List<String> res = r.resource();
        if (r.method() != RequestMethod.EXEC || res.size() != 2) {
            throw new Json.BadRequest(404, "COMMANDS-V1 has no " + r.method() + " " + String.join("/", res));
        }
        Meter meter = Meters.installed(registry, res.get(1));
        MeterCommand command = switch (res.get(0)) {
            case "actuator" -> actuator(r, meter);
            case "clock" -> new MeterCommand.ClockSync(r.metrics().containsKey("time") ? Json.instant(r.metrics().get("time"), "time") : Instant.now());
            case "tariff" -> tariff(r);
            default -> throw new Json.BadRequest(404, "COMMANDS-V1 has no command " + res.get(0) + " (actuator, clock, tariff)");
        };
        CommandRouter cr = router;
        if (cr == null) {
            throw new Json.BadRequest(503, "the command router is not deployed on this gateway");
        }
        long deadlineS = 300;
        if (r.metrics().get("deadline.s") instanceof Number n) {
            deadlineS = Math.max(1, Math.min(86_400, n.longValue()));
        }
        long waitS = Math.min(deadlineS, WAIT_SECONDS);
        if (r.metrics().get("wait.s") instanceof Number n) {
            waitS = Math.max(0, Math.min(waitS, n.longValue()));
        }
        CommandRequest request = new CommandRequest(Commands.commandId(r), meter.address(), command, r.requester(),
                Instant.now().plusSeconds(deadlineS));
        CompletableFuture<CommandResult> outcome = cr.submit(request).toCompletableFuture();
        try {
            return Commands.response(outcome.get(waitS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            outcome.whenComplete((result, failure) -> notifyOutcome(r, res.get(0), meter, result, failure));
            return new HeadEndResponse(202, Map.of("outcome", "PENDING", "detail",
                    "accepted; still waiting for the meter: the outcome follows as a notification"
                            + " (or repeat the request with the same job.id)"), null);
        }
    }

    /** The outcome of a command its reply could not wait for, to the head-end that asked. */
    private void notifyOutcome(HeadEndRequest r, String kind, Meter meter, CommandResult result, Throwable failure) {
        HeadEndResponse response = failure == null ? Commands.response(result)
                : new HeadEndResponse(500, Map.of("outcome", "FAILED", "detail", String.valueOf(failure.getMessage())), null);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("request.id", r.requestId());
        if (r.metrics().get("job.id") != null) {
            metrics.put("job.id", String.valueOf(r.metrics().get("job.id")));
        }
        metrics.put("meter", meter.address().meterId().toString());
        metrics.put("outcome", response.metrics().get("outcome"));
        metrics.put("response.code", response.code());
        metrics.put("detail", String.valueOf(response.metrics().getOrDefault("detail", "")));
        HeadEndLink l = link;
        boolean sent = l != null && !r.requester().isEmpty() && l.notify(APP, r.requester(), kind, metrics);
        if (!sent) {
            LOG.warn("outcome of {} {} for {} could not be notified (head-end link down); it is answered when the request is repeated with its job.id",
                    kind, meter.address().meterId(), r.requester());
        }
    }

    private MeterCommand actuator(HeadEndRequest r, Meter meter) throws Json.BadRequest {
        Object signer = r.metrics().get("metergate.signer");
        if (signer == null || String.valueOf(signer).isEmpty()) {
            String detail = "EXEC COMMANDS-V1/actuator/" + meter.address().meterId() + " from " + r.requester()
                    + " refused: not signature-checked by the head-end link (policy misconfigured?)";
            record(meter, detail);
            throw new Json.BadRequest(403, "actuator commands must carry a valid operator signature");
        }
        try {
            MeterCommand.Actuator actuator = MeterCommand.Actuator.valueOf(upper(r.metrics().get("actuator")));
            MeterCommand.Action action = MeterCommand.Action.valueOf(upper(r.metrics().get("action")));
            return new MeterCommand.ActuatorControl(actuator, action);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Json.BadRequest("actuator needs metrics actuator (BREAKER, VALVE) and action (CONNECT, DISCONNECT, RELEASE_FOR_RECONNECTION)");
        }
    }

    private static String upper(Object o) {
        return String.valueOf(o).trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static MeterCommand tariff(HeadEndRequest r) throws Json.BadRequest {
        Object t = r.metrics().get("tariff");
        if (!(t instanceof Number n) || n.longValue() < 0 || n.longValue() > 255) {
            throw new Json.BadRequest("tariff needs metric tariff (0..255)");
        }
        Instant from = r.metrics().containsKey("effective.from") ? Json.instant(r.metrics().get("effective.from"), "effective.from") : Instant.now();
        return new MeterCommand.TariffChange(n.intValue(), from);
    }

    private void record(Meter meter, String detail) {
        Journal j = journal;
        try {
            if (j != null) {
                j.append(List.of(new MeterEvent(EventType.COMMAND_REFUSED, meter.address(), "headend", Instant.now(), detail)));
            }
        } catch (Exception e) {
            LOG.error("COMMAND_REFUSED could not be journaled: {} ({})", detail, e.toString());
        }
    }
}
