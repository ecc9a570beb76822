package org.metergate.launcher.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metergate.launcher.Metergate;
import org.metergate.pkg.firmware.BootState;
import org.metergate.pkg.firmware.BootStateFile;
import picocli.CommandLine;

class FirmwareCommandTest {

    @TempDir
    Path data;

    private String run() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Metergate());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("firmware", "--data", data.toString())).isZero();
        return out.toString();
    }

    @Test
    void showsTheSlotsTheTrialAndWhatWasGivenUp() throws Exception {
        assertThat(run()).contains("(never updated)", "good slot:  factory");
        BootStateFile f = new BootStateFile(data);
        f.write(BootState.initial().withTrial("a", "0.2.0", 2).boot().next());
        assertThat(run()).contains("on trial:   a (0.2.0), booted 1 of 2 time(s)");
        f.write(f.read().giveUp("health check failed: bundle x is not active"));
        assertThat(run()).contains("good slot:  factory", "given up:   a (0.2.0): health check failed: bundle x is not active");
    }
}
