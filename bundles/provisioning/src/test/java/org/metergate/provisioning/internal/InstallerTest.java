package org.metergate.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.provisioning.DeploymentResult;
import org.metergate.provisioning.Phase;

/** The transaction: stage, journal, install, start, health check, commit - or everything back as it was. */
class InstallerTest {

    @TempDir
    Path tmp;
    Fixture gw;

    @BeforeEach
    void gateway() throws Exception {
        gw = new Fixture(tmp);
    }

    private static final String RADIO_CONFIG = "\"org.example.radio~main\": {\"modes\": [\"C1\"], \"port:Integer\": 7}";

    @Test
    void aFeatureIsInstalledStartedConfiguredAndCommitted() throws Exception {
        Installer installer = gw.installer();
        Path pkg = gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0", "org.example.core:1.0.0"), RADIO_CONFIG);
        Fixture.Phases phases = new Fixture.Phases();
        DeploymentResult r = installer.install(pkg, phases);

        assertThat(r.phase()).as(r.message()).isEqualTo(Phase.COMPLETED);
        assertThat(phases.seen).containsExactly(Phase.VERIFYING, Phase.INSTALLING, Phase.HEALTH_CHECK, Phase.COMPLETED);
        assertThat(gw.framework.named("org.example.radio")).hasValueSatisfying(b -> {
            assertThat(b.active).isTrue();
            assertThat(b.location).isEqualTo("metergate-provisioning:org.example.radio");
        });
        assertThat(gw.framework.log).as("the gateway's own core 1.0.0 is shared, not touched")
                .noneMatch(l -> l.contains("org.example.core"));
        assertThat(gw.configs.values.get("org.example.radio~main")).containsEntry("port", 7).containsKey("modes");
        assertThat(installer.state().units()).extracting(UnitRecord::id).containsExactly("org.example:radio");
        List<JsonNode> journal = new TransactionJournal(gw.state).read();
        assertThat(journal).extracting(n -> n.path("step").asText())
                .containsSubsequence("BEGIN", "STEP", "HEALTHY", "COMMIT").endsWith("COMMIT");
    }

    @Test
    void aBundleThatFailsToStartIsRolledBackAndTheConfigurationGoesWithIt() throws Exception {
        Installer installer = gw.installer();
        gw.configs.values.put("unrelated", new java.util.Hashtable<>(java.util.Map.of("a", "b")));
        gw.framework.failToStart.add("org.example.broken");
        Path pkg = gw.feature("broken", "1.0.0", 1, List.of("org.example.broken:1.0.0"), RADIO_CONFIG);
        Fixture.Phases phases = new Fixture.Phases();
        DeploymentResult r = installer.install(pkg, phases);

        assertThat(r.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(r.reason()).isEqualTo("START_FAILED");
        assertThat(r.message()).contains("org.example.broken", "activator of org.example.broken threw");
        assertThat(phases.seen).endsWith(Phase.ROLLED_BACK);
        assertThat(gw.framework.named("org.example.broken")).isEmpty();
        assertThat(gw.configs.values).containsOnlyKeys("unrelated");
        assertThat(installer.state().units()).isEmpty();
        assertThat(new TransactionJournal(gw.state).read()).extracting(n -> n.path("step").asText())
                .containsSubsequence("BEGIN", "ROLLBACK", "ABORTED").endsWith("ABORTED");
    }

    @Test
    void aComponentThatStaysUnsatisfiedIsRolledBackAfterTheHealthTimeout() throws Exception {
        Installer installer = gw.installer();
        gw.health.unsatisfied.put("org.example.lonely", "unsatisfied reference missing (org.example.NoSuchService)");
        Path pkg = gw.feature("lonely", "1.0.0", 1, List.of("org.example.lonely:1.0.0"), "");
        DeploymentResult r = installer.install(pkg, new Fixture.Phases());
        assertThat(r.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(r.reason()).isEqualTo("UNHEALTHY");
        assertThat(r.message()).contains("org.example.lonely/org.example.lonely.Component", "NoSuchService");
        assertThat(gw.framework.named("org.example.lonely")).isEmpty();
    }

    @Test
    void aHealthCheckServiceThatComplainsStopsTheCommit() throws Exception {
        Installer installer = gw.installer();
        gw.health.checks.put("link", "no transceiver receives");
        DeploymentResult r = installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0"), ""),
                new Fixture.Phases());
        assertThat(r.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(r.message()).contains("health check link: no transceiver receives");
    }

    @Test
    void anUpdateThatFailsPutsTheOldVersionAndItsConfigurationBackExactly() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0", "org.example.extra:1.0.0"),
                RADIO_CONFIG), new Fixture.Phases());
        String v1Sha = gw.framework.named("org.example.radio").orElseThrow().sha256;
        // an operator changed the configuration at run time: that value is what must come back
        gw.configs.values.get("org.example.radio~main").put("port", 9);

        gw.health.unsatisfied.put("org.example.radio2", "never satisfied");
        gw.bundle("org.example.radio", "2.0.0", "");
        DeploymentResult r = installer.install(gw.feature("radio", "2.0.0", 2, List.of("org.example.radio:2.0.0", "org.example.radio2:2.0.0"),
                "\"org.example.radio~main\": {\"modes\": [\"C1\", \"T1\"]}, \"org.example.radio.new\": {\"x\": 1}"), new Fixture.Phases());

        assertThat(r.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(gw.framework.named("org.example.radio")).hasValueSatisfying(b -> {
            assertThat(b.version).isEqualTo("1.0.0");
            assertThat(b.sha256).isEqualTo(v1Sha);
            assertThat(b.active).isTrue();
        });
        assertThat(gw.framework.named("org.example.extra")).as("removed by v2, back after the rollback").isPresent();
        assertThat(gw.framework.named("org.example.radio2")).isEmpty();
        assertThat(gw.configs.values.get("org.example.radio~main")).containsEntry("port", 9);
        assertThat(gw.configs.values).doesNotContainKey("org.example.radio.new");
        assertThat(installer.state().unit("org.example:radio").orElseThrow().version()).isEqualTo("1.0.0");
    }

    @Test
    void removingAFeatureRemovesItsBundlesAndConfigurationsAndLeavesTheRest() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0", "org.example.core:1.0.0"), RADIO_CONFIG),
                new Fixture.Phases());
        installer.install(gw.feature("display", "1.0.0", 1, List.of("org.example.display:1.0.0"), "\"org.example.display\": {\"a\": 1}"),
                new Fixture.Phases());

        DeploymentResult r = installer.uninstall("org.example:radio", new Fixture.Phases());
        assertThat(r.phase()).as(r.message()).isEqualTo(Phase.COMPLETED);
        assertThat(gw.framework.named("org.example.radio")).isEmpty();
        assertThat(gw.framework.named("org.example.core")).as("the gateway's own bundle stays").hasValueSatisfying(b -> assertThat(b.active).isTrue());
        assertThat(gw.framework.named("org.example.display")).isPresent();
        assertThat(gw.configs.values).containsOnlyKeys("org.example.display");
        assertThat(installer.state().units()).extracting(UnitRecord::id).containsExactly("org.example:display");
        assertThat(installer.uninstall("org.example:radio", new Fixture.Phases()).reason()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anOperatorRollbackReturnsToThePreviousVersionAndKeepsTheSequenceMark() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0"), RADIO_CONFIG), new Fixture.Phases());
        gw.bundle("org.example.radio", "2.0.0", "");
        Path v2 = gw.feature("radio", "2.0.0", 2, List.of("org.example.radio:2.0.0"), "\"org.example.radio~main\": {\"modes\": [\"T1\"]}");
        assertThat(installer.install(v2, new Fixture.Phases()).phase()).isEqualTo(Phase.COMPLETED);
        assertThat(gw.framework.named("org.example.radio").orElseThrow().version).isEqualTo("2.0.0");

        DeploymentResult r = installer.rollback("org.example:radio", new Fixture.Phases());
        assertThat(r.phase()).as(r.message()).isEqualTo(Phase.COMPLETED);
        assertThat(gw.framework.named("org.example.radio").orElseThrow().version).isEqualTo("1.0.0");
        assertThat((String[]) gw.configs.values.get("org.example.radio~main").get("modes")).containsExactly("C1");
        assertThat(installer.state().lastSequence("org.example:radio")).hasValue(2);
        assertThat(installer.rollback("org.example:radio", new Fixture.Phases()).reason()).as("one level only").isEqualTo("NOT_FOUND");
        // the old package cannot be replayed after the rollback
        assertThat(installer.install(gw.feature("radio", "1.5.0", 1, List.of("org.example.radio:1.0.0"), ""), new Fixture.Phases()).reason())
                .isEqualTo("REPLAYED");
    }

    @Test
    void theSamePackageAgainIsHarmlessAndAnOlderOneIsRefused() throws Exception {
        Installer installer = gw.installer();
        Path v3 = gw.feature("radio", "1.0.0", 3, List.of("org.example.radio:1.0.0"), "");
        assertThat(installer.install(v3, new Fixture.Phases()).phase()).isEqualTo(Phase.COMPLETED);
        int changes = gw.framework.log.size();
        DeploymentResult again = installer.install(v3, new Fixture.Phases());
        assertThat(again.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(again.reason()).isEqualTo("ALREADY_INSTALLED");
        assertThat(gw.framework.log).hasSize(changes);
        DeploymentResult old = installer.install(gw.feature("radio", "0.9.0", 2, List.of("org.example.radio:0.9.0"), ""), new Fixture.Phases());
        assertThat(old.phase()).isEqualTo(Phase.FAILED);
        assertThat(old.reason()).isEqualTo("REPLAYED");
    }

    @Test
    void featuresMayNotTouchTheGatewaysOwnConfigurationsOrTheInstaller() throws Exception {
        Installer installer = gw.installer();
        gw.configs.base.add("org.example.keystore");
        DeploymentResult r = installer.install(gw.feature("evil", "1.0.0", 1, List.of("org.example.radio:1.0.0"),
                "\"org.example.keystore\": {\"kek.file\": \"/tmp/mine\"}"), new Fixture.Phases());
        assertThat(r.reason()).isEqualTo("CONFLICT");
        assertThat(r.message()).contains("org.example.keystore");
        gw.framework.protectedNames.add("org.example.pkg");
        r = installer.install(gw.feature("evil2", "1.0.0", 1, List.of("org.example.pkg:9.0.0"), ""), new Fixture.Phases());
        assertThat(r.reason()).isEqualTo("CONFLICT");
        assertThat(r.message()).contains("installer itself");
        assertThat(gw.framework.log).isEmpty();
    }

    @Test
    void aBundlePackageReplacesTheGatewaysOwnBundleAndRemovingItRestoresTheOriginal() throws Exception {
        Installer installer = gw.installer();
        Path jar = gw.bundle("org.example.link", "1.1.0", "fixed");
        DeploymentResult r = installer.install(gw.bundlePackage(jar, 1), new Fixture.Phases());
        assertThat(r.phase()).as(r.message()).isEqualTo(Phase.COMPLETED);
        FakeFramework.Bundle link = gw.framework.named("org.example.link").orElseThrow();
        assertThat(link.version).isEqualTo("1.1.0");
        assertThat(link.location).as("updated in place").startsWith("reference:file:");

        assertThat(installer.uninstall("org.example.link", new Fixture.Phases()).phase()).isEqualTo(Phase.COMPLETED);
        assertThat(gw.framework.named("org.example.link").orElseThrow().version).isEqualTo("1.0.0");
        assertThat(gw.framework.log).contains("restore org.example.link");
    }

    @Test
    void theCommittedStateIsInstalledAgainOnAFreshFrameworkAfterARestart() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0"), RADIO_CONFIG), new Fixture.Phases());
        installer.install(gw.bundlePackage(gw.bundle("org.example.link", "1.1.0", "fixed"), 1), new Fixture.Phases());

        gw.restartFramework();
        Installer after = gw.installer();
        assertThat(after.state().units()).hasSize(2);
        assertThat(gw.framework.named("org.example.radio")).hasValueSatisfying(b -> assertThat(b.active).isTrue());
        assertThat(gw.framework.named("org.example.link").orElseThrow().version).isEqualTo("1.1.0");
        assertThat(gw.configs.values).containsOnlyKeys("org.example.radio~main");
    }

    @Test
    void aCrashInTheMiddleOfAnInstallIsUndoneAtTheNextStart() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0"), RADIO_CONFIG), new Fixture.Phases());
        gw.bundle("org.example.radio", "2.0.0", "");
        Path v2 = gw.feature("radio", "2.0.0", 2, List.of("org.example.radio:2.0.0", "org.example.extra:2.0.0"),
                "\"org.example.radio~main\": {\"modes\": [\"T1\"]}");
        gw.framework.crashAtChange(2); // the update of radio is done, the power goes before extra is installed
        try {
            installer.install(v2, new Fixture.Phases());
        } catch (FakeFramework.Crash expected) {
            // the JVM is gone
        }
        assertThat(gw.framework.named("org.example.radio").orElseThrow().version).as("half done").isEqualTo("2.0.0");

        // same framework storage (persistent framework): the half-done change is undone
        gw.framework.crashAtChange(0);
        Installer after = gw.installer();
        assertThat(after.state().unit("org.example:radio").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(gw.framework.named("org.example.radio").orElseThrow().version).isEqualTo("1.0.0");
        assertThat(gw.framework.named("org.example.extra")).isEmpty();
        assertThat((String[]) gw.configs.values.get("org.example.radio~main").get("modes")).containsExactly("C1");
        assertThat(new TransactionJournal(gw.state).read()).extracting(n -> n.path("step").asText()).endsWith("RECOVERED");
        assertThat(new TransactionJournal(gw.state).openTransaction()).isEmpty();

        // and the same on a fresh framework (the launcher's normal start)
        gw.restartFramework();
        gw.installer();
        assertThat(gw.framework.named("org.example.radio").orElseThrow().version).isEqualTo("1.0.0");
    }

    @Test
    void aCrashAfterTheStateWasWrittenCompletesTheCommit() throws Exception {
        Installer installer = gw.installer();
        installer.install(gw.feature("radio", "1.0.0", 1, List.of("org.example.radio:1.0.0"), ""), new Fixture.Phases());
        // cut the journal's COMMIT line as if the power went between writing the state and the journal
        TransactionJournal j = new TransactionJournal(gw.state);
        List<String> lines = Files.readAllLines(j.file());
        Files.write(j.file(), lines.subList(0, lines.size() - 1));
        assertThat(j.openTransaction()).isPresent();

        gw.restartFramework();
        Installer after = gw.installer();
        assertThat(after.state().units()).hasSize(1);
        assertThat(j.read()).extracting(n -> n.path("step").asText()).endsWith("COMMIT");
        assertThat(gw.framework.named("org.example.radio")).isPresent();
    }

    @Test
    void aTornJournalLineIsIgnored() throws Exception {
        TransactionJournal j = new TransactionJournal(gw.state);
        j.append(TransactionJournal.record(1, "BEGIN"));
        Files.write(j.file(), "0000beef {\"tx\":1,\"st".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        assertThat(j.read()).hasSize(1);
        Files.write(j.file(), "\n12345678 {\"tx\":1,\"step\":\"COMMIT\"}\n".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        assertThat(j.read()).as("a damaged line ends the journal").hasSize(1);
    }
}
