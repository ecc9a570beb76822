package org.metergate.driver.replay;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** A recording that can be played (again, when looping): each {@link #open()} starts from its first frame. */
interface Recording {

    /** Frames one at a time; {@code next()} gives null at the end. */
    interface Frames extends AutoCloseable {
        RecordedFrame next() throws IOException, ReplayFileException;

        @Override
        void close() throws IOException;
    }

    Frames open() throws IOException;

    /** A recording held in memory. */
    static Recording of(List<RecordedFrame> frames) {
        List<RecordedFrame> copy = List.copyOf(frames);
        return () -> {
            Iterator<RecordedFrame> it = copy.iterator();
            return new Frames() {
                @Override
                public RecordedFrame next() {
                    return it.hasNext() ? it.next() : null;
                }

                @Override
                public void close() {
                }
            };
        };
    }
}
