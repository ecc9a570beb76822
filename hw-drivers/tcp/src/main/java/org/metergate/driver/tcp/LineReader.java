package org.metergate.driver.tcp;

import java.io.IOException;
import java.io.InputStream;
import org.metergate.serial.support.LineAssembler;

/** Reads the lines of one connection until it ends, handing each to the transceiver. */
final class LineReader {

    /** A 255-byte frame as hex with a mode, RSSI and framing in front. */
    private static final int MAX_LINE = 600;

    private LineReader() {
    }

    /** Returns at the end of the stream; throws when reading fails. */
    static void read(InputStream in, TcpTransceiver owner) throws IOException {
        LineAssembler lines = new LineAssembler(MAX_LINE);
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            lines.feed(buf, n, owner::line, owner.counters());
        }
    }
}
