package org.metergate.pkg.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot counter: a trial slot gets maxTries boots to be marked good, else the good slot boots again. */
class BootStateTest {

    @TempDir
    Path data;

    @Test
    void withoutAnUpdateTheFactoryDistributionBoots() {
        BootState.Decision d = BootState.initial().boot();
        assertThat(d.slot()).isEqualTo(BootState.FACTORY);
        assertThat(d.trial()).isFalse();
        assertThat(d.next()).isEqualTo(BootState.initial());
    }

    @Test
    void aTrialThatIsMarkedGoodBecomesTheGoodSlot() {
        BootState staged = BootState.initial().withTrial("a", "0.2.0", 1);
        BootState.Decision first = staged.boot();
        assertThat(first.slot()).isEqualTo("a");
        assertThat(first.trial()).isTrue();
        assertThat(first.next().tries()).as("counted before the slot starts").isEqualTo(1);
        BootState good = first.next().markGood();
        assertThat(good.good()).isEqualTo("a");
        assertThat(good.trial()).isEmpty();
        assertThat(good.boot().slot()).isEqualTo("a");
        assertThat(good.stagingSlot()).as("the next update goes to the other slot").isEqualTo("b");
        assertThat(good.version("a")).contains("0.2.0");
    }

    @Test
    void aTrialThatIsNotMarkedGoodFallsBackAtTheNextStart() {
        BootState afterCrash = BootState.initial().withTrial("a", "0.2.0", 1).boot().next();
        BootState.Decision next = afterCrash.boot();
        assertThat(next.slot()).isEqualTo(BootState.FACTORY);
        assertThat(next.trial()).isFalse();
        assertThat(next.next().trial()).isEmpty();
        assertThat(next.next().failed()).contains("a");
        assertThat(next.next().failedReason()).isEqualTo("not marked good after 1 boot");
    }

    @Test
    void maxTriesGivesATrialMoreBoots() {
        BootState s = BootState.initial().withTrial("a", "0.2.0", 3);
        for (int i = 1; i <= 3; i++) {
            BootState.Decision d = s.boot();
            assertThat(d.slot()).isEqualTo("a");
            s = d.next();
        }
        assertThat(s.boot().slot()).isEqualTo(BootState.FACTORY);
    }

    @Test
    void aFailedHealthCheckGivesTheTrialUpAtOnce() {
        BootState s = BootState.initial().withTrial("a", "0.2.0", 1).boot().next().markGood()
                .withTrial("b", "0.3.0", 2).boot().next().giveUp("health check: component x unsatisfied");
        assertThat(s.boot().slot()).isEqualTo("a");
        assertThat(s.failed()).contains("b");
        assertThat(s.failedReason()).contains("component x");
        assertThatThrownBy(() -> s.withTrial("a", "0.4.0", 1)).as("never overwrite the good slot")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateFileSurvivesARoundTripAndStartsAsInitial() throws Exception {
        BootStateFile file = new BootStateFile(data);
        assertThat(file.exists()).isFalse();
        assertThat(file.read()).isEqualTo(BootState.initial());
        BootState s = BootState.initial().withTrial("a", "0.2.0", 2).boot().next();
        file.write(s);
        assertThat(file.exists()).isTrue();
        assertThat(file.read()).isEqualTo(s);
        assertThat(Files.readString(data.resolve("firmware/boot.properties"))).contains("trial=a", "tries=1", "version.a=0.2.0");
        try (var leftovers = Files.list(data.resolve("firmware"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("boot.properties");
        }
        assertThat(file.takeRestartRequest()).isFalse();
        file.requestRestart();
        assertThat(file.takeRestartRequest()).isTrue();
        assertThat(file.takeRestartRequest()).isFalse();
    }

    @Test
    void aDamagedStateFileIsAnIoErrorNotAGuess() throws Exception {
        Files.createDirectories(data.resolve("firmware"));
        Files.writeString(data.resolve("firmware/boot.properties"), "good=c\n");
        assertThatThrownBy(() -> new BootStateFile(data).read()).isInstanceOf(java.io.IOException.class).hasMessageContaining("good slot");
        Files.writeString(data.resolve("firmware/boot.properties"), "good=a\ntrial=a\n");
        assertThatThrownBy(() -> new BootStateFile(data).read()).isInstanceOf(java.io.IOException.class);
        Files.writeString(data.resolve("firmware/boot.properties"), "good=a\ntries=x\n");
        assertThatThrownBy(() -> new BootStateFile(data).read()).isInstanceOf(java.io.IOException.class);
        assertThat(new BootState("a", Optional.of("b"), 0, 1, Optional.empty(), "", java.util.Map.of()).stagingSlot()).isEqualTo("b");
    }
}
