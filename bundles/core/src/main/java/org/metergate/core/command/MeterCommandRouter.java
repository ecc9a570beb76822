package org.metergate.core.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.metergate.api.command.CommandHandler;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.command.CommandRouter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The core's command router (TR 50572 downlink): hands a command to the first link whose
 * {@link CommandHandler} reaches the meter. A request id seen before gets the same outcome again
 * instead of a second execution (the head-end may repeat a request after a reconnect); an expired
 * request or a meter no link reaches is answered at once. Authorisation and signatures are checked
 * before a command gets here (on the G interface).
 */
@Component(service = CommandRouter.class)
public final class MeterCommandRouter implements CommandRouter {

    private static final int REMEMBERED = 10_000;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<CommandHandler> handlers = new CopyOnWriteArrayList<>();

    private final Map<String, CompletionStage<CommandResult>> byId = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<CommandResult> submit(CommandRequest request) {
        CompletableFuture<CommandResult> fresh = new CompletableFuture<>();
        CompletionStage<CommandResult> earlier = byId.putIfAbsent(request.id(), fresh);
        if (earlier != null) {
            return earlier;
        }
        if (byId.size() > REMEMBERED) {
            forgetDone();
        }
        if (!request.deadline().isAfter(Instant.now())) {
            fresh.complete(new CommandResult(request.id(), CommandResult.Outcome.TIMED_OUT, "deadline passed before routing", List.of()));
            return fresh;
        }
        for (CommandHandler h : handlers) {
            if (h.reaches(request.meter())) {
                h.execute(request).whenComplete((result, failure) -> {
                    if (failure != null) {
                        fresh.complete(new CommandResult(request.id(), CommandResult.Outcome.FAILED, failure.toString(), List.of()));
                    } else {
                        fresh.complete(result);
                    }
                });
                return fresh;
            }
        }
        fresh.complete(new CommandResult(request.id(), CommandResult.Outcome.UNREACHABLE,
                "no deployed link reaches " + request.meter(), List.of()));
        return fresh;
    }

    private void forgetDone() {
        byId.entrySet().removeIf(e -> e.getValue().toCompletableFuture().isDone());
    }
}
