package org.metergate.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metergate.api.command.CommandHandler;
import org.metergate.api.command.CommandRequest;
import org.metergate.api.command.CommandResult;
import org.metergate.api.command.MeterCommand;
import org.metergate.api.meter.DeviceType;
import org.metergate.api.meter.MeterAddress;

class MeterCommandRouterTest {

    private final MeterAddress reachable = MeterAddress.of("KAM", "00000001", 1, DeviceType.WATER);
    private final MeterAddress elsewhere = MeterAddress.of("KAM", "00000002", 1, DeviceType.WATER);

    private CommandRequest request(String id, MeterAddress m, Instant deadline) {
        return new CommandRequest(id, m, new MeterCommand.OnDemandRead(), "hes", deadline);
    }

    @Test
    void aCommandGoesToTheLinkThatReachesTheMeterOnceEvenWhenRepeated() throws Exception {
        AtomicInteger executed = new AtomicInteger();
        MeterCommandRouter router = new MeterCommandRouter();
        router.handlers.add(new CommandHandler() {
            @Override public boolean reaches(MeterAddress m) { return m.equals(reachable); }
            @Override public CompletionStage<CommandResult> execute(CommandRequest r) {
                executed.incrementAndGet();
                return CompletableFuture.completedFuture(new CommandResult(r.id(), CommandResult.Outcome.DONE, "", List.of()));
            }
        });
        Instant later = Instant.now().plusSeconds(60);
        assertThat(router.submit(request("r1", reachable, later)).toCompletableFuture().get().outcome()).isEqualTo(CommandResult.Outcome.DONE);
        assertThat(router.submit(request("r1", reachable, later)).toCompletableFuture().get().outcome()).isEqualTo(CommandResult.Outcome.DONE);
        assertThat(executed).hasValue(1);
        assertThat(router.submit(request("r2", elsewhere, later)).toCompletableFuture().get().outcome())
                .isEqualTo(CommandResult.Outcome.UNREACHABLE);
        assertThat(router.submit(request("r3", reachable, Instant.now().minusSeconds(1))).toCompletableFuture().get().outcome())
                .isEqualTo(CommandResult.Outcome.TIMED_OUT);
        assertThat(executed).hasValue(1);
    }

    @Test
    void aHandlerThatFailsGivesAFailedOutcome() throws Exception {
        MeterCommandRouter router = new MeterCommandRouter();
        router.handlers.add(new CommandHandler() {
            @Override public boolean reaches(MeterAddress m) { return true; }
            @Override public CompletionStage<CommandResult> execute(CommandRequest r) {
                return CompletableFuture.failedFuture(new IllegalStateException("port gone"));
            }
        });
        CommandResult r = router.submit(request("x", reachable, Instant.now().plusSeconds(5))).toCompletableFuture().get();
        assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(r.detail()).contains("port gone");
    }
}
