package org.metergate.launcher.hes.deploy;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The deployment's progress for people: on a terminal one line redrawn in place
 * ({@code [#####.....]  52% DOWNLOADING 1.2 of 2.3 MB}); otherwise a line at every phase and every
 * tenth of the way, so logs stay readable.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private String lastPhase = "";
    private int lastTenth = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static String bar(int percent) {
        int p = Math.max(0, Math.min(100, percent));
        int full = p * WIDTH / 100;
        return "[" + "#".repeat(full) + ".".repeat(WIDTH - full) + "] " + String.format(Locale.ROOT, "%3d%%", p);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    void show(String phase, int percent, String detail) {
        String line = bar(percent) + " " + phase + (detail.isEmpty() ? "" : " " + detail);
        if (terminal) {
            out.print("\r" + line + "\033[K");
            drawn = true;
        } else if (!phase.equals(lastPhase) || percent / 10 != lastTenth) {
            out.println(line);
        }
        lastPhase = phase;
        lastTenth = percent / 10;
        out.flush();
    }

    /** Ends the bar's line before other output. */
    void done() {
        if (drawn) {
            out.println();
            drawn = false;
        }
        out.flush();
    }
}
