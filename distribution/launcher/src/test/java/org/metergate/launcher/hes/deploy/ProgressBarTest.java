package org.metergate.launcher.hes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aBarShowsThePercentageAndTheSizesInUnitsPeopleRead() {
        assertThat(ProgressBar.bar(0)).isEqualTo("[..............................]   0%");
        assertThat(ProgressBar.bar(52)).isEqualTo("[###############...............]  52%");
        assertThat(ProgressBar.bar(130)).endsWith(" 100%");
        assertThat(ProgressBar.bytes(999)).isEqualTo("999 B");
        assertThat(ProgressBar.bytes(31939)).isEqualTo("31.2 kB");
        assertThat(ProgressBar.bytes(35_304_983)).isEqualTo("33.7 MB");
    }

    @Test
    void withoutATerminalALineIsWrittenPerPhaseAndTenth() {
        StringWriter w = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(w), false);
        for (int p = 0; p <= 100; p += 2) {
            bar.show("DOWNLOADING", p, "");
        }
        bar.show("INSTALLING", 30, "install x");
        bar.show("INSTALLING", 31, "install x");
        bar.done();
        assertThat(w.toString().lines()).hasSize(12).last().asString().contains("INSTALLING install x");
    }

    @Test
    void whileDownloadingTheDetailIsTheBytes() {
        assertThat(JobFollower.detail("DOWNLOADING", Map.of("dp.download.size", 2048L, "dp.download.offset", 1024L)))
                .isEqualTo("1.0 kB of 2.0 kB");
        assertThat(JobFollower.detail("INSTALLING", Map.of("message", "starting bundles"))).isEqualTo("starting bundles");
        assertThat(JobFollower.number("12")).isEqualTo(12);
        assertThat(JobFollower.number("x")).isZero();
    }
}
