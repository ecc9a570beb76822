package org.metergate.launcher.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The boot loader: which slot starts, with which arguments, in its own class loader, and what
 * happens when it asks for a restart or cannot start. A slot here holds a stand-in launcher compiled
 * by the test: its entry point records its arguments and system properties and returns an exit status.
 */
class SlotBootTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void clean() {
        System.clearProperty("slot.test.record");
        System.clearProperty("slot.test.exit");
    }

    private OptionalInt boot(Path data, String... args) throws Exception {
        return SlotBoot.boot(null, data, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A slot whose lib/ holds a stand-in SlotEntry that appends "args|slot|trial|home" to a file and returns slot.test.exit. */
    private void fakeSlot(Path slot) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/org/metergate/launcher/firmware"));
        Files.writeString(src.resolve("SlotEntry.java"), """
                package org.metergate.launcher.firmware;
                public final class SlotEntry {
                    public static int run(String[] args) throws Exception {
                        String line = String.join(" ", args) + "|" + System.getProperty("metergate.firmware.slot") + "|"
                                + System.getProperty("metergate.firmware.trial") + "|" + System.getProperty("metergate.home") + "\\n";
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("slot.test.record")), line,
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        return Integer.getInteger("slot.test.exit", 0);
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), src.resolve("SlotEntry.java").toString())).isZero();
        Files.createDirectories(slot.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(slot.resolve("lib/org.metergate.launcher-9.9.jar")))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("org/metergate/launcher/firmware/SlotEntry.class"));
            jar.write(Files.readAllBytes(classes.resolve("org/metergate/launcher/firmware/SlotEntry.class")));
            jar.closeEntry();
        }
    }

    @Test
    void withoutAFirmwareUpdateNothingChanges() throws Exception {
        assertThat(boot(dir.resolve("data"), "run")).isEmpty();
        assertThat(Files.exists(dir.resolve("data"))).as("nothing written").isFalse();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTrialSlotBootsInItsOwnClassLoaderWithItsHomeAndTheGatewaysData() throws Exception {
        Path data = dir.resolve("data");
        BootStateFile file = new BootStateFile(data);
        fakeSlot(file.slot("a"));
        file.write(BootState.initial().withTrial("a", "0.2.0", 1));
        Path record = dir.resolve("record.txt");
        System.setProperty("slot.test.record", record.toString());

        OptionalInt code = boot(data, "run", "--feature", "demo", "--data", "/elsewhere", "--home=/old");
        assertThat(code).hasValue(0);
        String line = Files.readString(record).trim();
        assertThat(line).isEqualTo("run --feature demo --home " + file.slot("a") + " --data " + data + "|a|true|" + file.slot("a"));
        assertThat(file.read().tries()).as("counted before it started").isEqualTo(1);
        assertThat(out.toString()).contains("booting firmware slot a (0.2.0) on trial");
        assertThat(System.getProperty("metergate.firmware.slot")).as("put back after the slot's run").isNull();
    }

    @Test
    void aTrialThatAsksForARestartWithoutBeingMarkedGoodFallsBack() throws Exception {
        Path data = dir.resolve("data");
        BootStateFile file = new BootStateFile(data);
        fakeSlot(file.slot("a"));
        file.write(BootState.initial().withTrial("a", "0.2.0", 1));
        System.setProperty("slot.test.record", dir.resolve("record.txt").toString());
        System.setProperty("slot.test.exit", Integer.toString(SlotBoot.RESTART));

        assertThat(boot(data, "run")).as("back to the factory distribution, run here").isEmpty();
        assertThat(Files.readAllLines(dir.resolve("record.txt"))).hasSize(1);
        BootState s = file.read();
        assertThat(s.good()).isEqualTo(BootState.FACTORY);
        assertThat(s.trial()).isEmpty();
        assertThat(s.failed()).contains("a");
        assertThat(err.toString()).contains("firmware slot a not marked good after 1 boot; falling back to slot factory");
    }

    @Test
    void aGoodSlotIsRestartedWhenItAsksAndBootsAgainAfterwards() throws Exception {
        Path data = dir.resolve("data");
        BootStateFile file = new BootStateFile(data);
        fakeSlot(file.slot("a"));
        file.write(BootState.initial().withTrial("a", "0.2.0", 1).boot().next().markGood());
        Path record = dir.resolve("record.txt");
        System.setProperty("slot.test.record", record.toString());
        System.setProperty("slot.test.exit", "3");
        assertThat(boot(data, "run")).hasValue(3);
        assertThat(Files.readString(record)).contains("|a|false|");
    }

    @Test
    void aTrialSlotThatCannotStartIsGivenUpAtOnce() throws Exception {
        Path data = dir.resolve("data");
        BootStateFile file = new BootStateFile(data);
        Files.createDirectories(file.slot("a")); // no lib/
        file.write(BootState.initial().withTrial("a", "0.2.0", 3));
        assertThat(boot(data, "run")).isEmpty();
        assertThat(file.read().failed()).contains("a");
        assertThat(file.read().failedReason()).contains("no lib/");
    }

    @Test
    void argumentsForASlotReplaceHomeAndData() {
        assertThat(SlotBoot.slotArgs(List.of("run", "--home", "/h", "--shell", "--data=/d", "--set", "p:k=v"), Path.of("/s"), Path.of("/data")))
                .containsExactly("run", "--shell", "--set", "p:k=v", "--home", "/s", "--data", "/data");
    }

    @Command(name = "top")
    static final class Top implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "run")
    static final class Sub implements Runnable {
        @Option(names = "--x")
        String x;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
        List<String> seen;

        @Override
        public void run() {
            seen = spec.commandLine().getParseResult().originalArgs();
        }
    }

    @Test
    void aSubcommandSeesTheWholeOriginalCommandLine() {
        // what RunCommand hands to a slot: picocli gives a subcommand the arguments from the top, "run" included
        Sub sub = new Sub();
        new CommandLine(new Top()).addSubcommand(sub).execute("run", "--x", "1");
        assertThat(sub.seen).containsExactly("run", "--x", "1");
    }
}
