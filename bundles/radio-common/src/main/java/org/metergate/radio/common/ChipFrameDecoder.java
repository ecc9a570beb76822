package org.metergate.radio.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metergate.api.radio.ChipCodingException;
import org.metergate.api.radio.ChipDecoder;
import org.metergate.api.radio.ChipDecoderOptions;
import org.metergate.api.radio.ChipDecoderResult;
import org.metergate.api.radio.ChipSequence;
import org.metergate.api.radio.DecodedFrame;
import org.metergate.api.radio.Direction;
import org.metergate.api.radio.FrameError;
import org.metergate.api.radio.PhysicalChannel;
import org.metergate.api.radio.RadioMode.FrameFormat;
import org.metergate.api.radio.RadioModeId;

/**
 * Finds and decodes frames in a continuous chip stream for one channel of a sub-mode.
 *
 * <p>A frame starts where the last {@code preambleChips} chips of the preamble and the synchronisation
 * word of a frame format match with at most {@code maxSyncErrors} wrong chips (the closest format wins;
 * a tie is an {@link FrameError.Kind#AMBIGUOUS_SYNC}). The frame is then read as {@link FrameReader}
 * does. After a frame the search goes on behind it; after a fault it goes on one chip after the start
 * of the rejected pattern, so that a false start in noise never hides a real frame.
 *
 * <p>Some modes share a synchronisation word: mode C frames on 868.95 MHz begin with mode T's word
 * followed by {@code 0101 0100}. A decoder can be told such foreign continuations; a start followed by
 * one is not a frame of this mode and is passed over without an error.
 */
public final class ChipFrameDecoder implements ChipDecoder {

    private final RadioModeId mode;
    private final Direction direction;
    private final LineCode code;
    private final int maxErrors;
    private final int patternLength;
    private final FrameFormat[] formats;
    private final long[] patterns;
    private final long mask;
    private final List<ChipSequence> foreign;
    private final ChipBuffer buffer = new ChipBuffer();
    private final FrameReader.Chips chips = new FrameReader.Chips() {
        @Override
        public boolean has(long from, long count) {
            return buffer.has(from, count);
        }

        @Override
        public long bits(long from, int count) {
            return buffer.bits(from, count);
        }

        @Override
        public long end() {
            return buffer.end();
        }
    };

    /** Next position where a frame start pattern may begin. */
    private long scanFrom;
    /** A frame start found whose frame has not fully arrived. */
    private Start pending;

    private record Start(long patternStart, long frameStart, FrameFormat format, int errors) {
    }

    /**
     * @param foreignContinuations chips that, right after the synchronisation word, mark a frame of
     *        another mode (may be empty)
     * @throws IllegalArgumentException when the options ask for more preamble chips than the minimum
     *         preamble has, or the code does not fit the channel
     */
    public ChipFrameDecoder(RadioModeId mode, PhysicalChannel channel, LineCode code, ChipDecoderOptions options,
            List<ChipSequence> foreignContinuations) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.direction = channel.direction();
        this.code = Objects.requireNonNull(code, "code");
        if (code.encoding() != channel.encoding()) {
            throw new IllegalArgumentException(mode + " " + direction + " is " + channel.encoding() + ", not "
                    + code.encoding());
        }
        ChipSequence preamble = channel.preamble().minimal();
        if (options.preambleChips() > preamble.length()) {
            throw new IllegalArgumentException(mode + " " + direction + ": the minimum preamble has "
                    + preamble.length() + " chips, " + options.preambleChips() + " asked");
        }
        ChipSequence tail = preamble.slice(preamble.length() - options.preambleChips(), preamble.length());
        Map<FrameFormat, ChipSequence> words = channel.syncWords();
        this.formats = words.keySet().toArray(new FrameFormat[0]);
        this.patterns = new long[formats.length];
        int length = -1;
        for (int i = 0; i < formats.length; i++) {
            ChipSequence pattern = ChipSequence.concat(tail, words.get(formats[i]));
            if (length >= 0 && pattern.length() != length) {
                throw new IllegalArgumentException("the synchronisation words of " + mode + " differ in length");
            }
            length = pattern.length();
            if (length > 64) {
                throw new IllegalArgumentException("frame start pattern longer than 64 chips: " + length);
            }
            patterns[i] = pattern.bits(0, length);
        }
        this.patternLength = length;
        this.mask = length == 64 ? -1L : (1L << length) - 1;
        this.maxErrors = options.maxSyncErrors();
        this.foreign = List.copyOf(foreignContinuations);
        for (ChipSequence f : foreign) {
            if (f.isEmpty() || f.length() > 64) {
                throw new IllegalArgumentException("a foreign continuation has 1 to 64 chips, not " + f.length());
            }
        }
    }

    @Override
    public RadioModeId mode() {
        return mode;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public List<ChipDecoderResult> feed(ChipSequence newChips) {
        buffer.append(newChips);
        List<ChipDecoderResult> out = new ArrayList<>(1);
        process(false, out);
        return out;
    }

    @Override
    public List<ChipDecoderResult> finish() {
        List<ChipDecoderResult> out = new ArrayList<>(1);
        process(true, out);
        buffer.clear();
        scanFrom = 0;
        pending = null;
        return out;
    }

    @Override
    public long position() {
        return buffer.end();
    }

    private void process(boolean ending, List<ChipDecoderResult> out) {
        while (true) {
            if (pending == null) {
                pending = findStart(ending, out);
                if (pending == null) {
                    break;
                }
            }
            Start s = pending;
            try {
                FrameReader.Outcome r = FrameReader.read(chips, s.frameStart, s.format, code);
                if (!r.complete()) {
                    if (!ending) {
                        break;
                    }
                    out.add(error(FrameError.Kind.TRUNCATED, r.missingFrom(), "the chips ended inside a frame format "
                            + s.format + " that started at chip " + s.frameStart));
                    scanFrom = s.patternStart + 1;
                } else {
                    out.add(new DecodedFrame(mode, direction, s.format, r.frame(), s.frameStart, r.end(), s.errors));
                    scanFrom = r.end();
                }
            } catch (ChipCodingException e) {
                out.add(error(e.kind(), e.position(), e.reason() + " (frame format " + s.format
                        + " started at chip " + s.frameStart + ")"));
                scanFrom = s.patternStart + 1;
            }
            pending = null;
        }
        buffer.dropBefore(pending != null ? pending.patternStart : scanFrom);
    }

    /** The next frame start from {@code scanFrom}, or null when the chips held have none (yet). */
    private Start findStart(boolean ending, List<ChipDecoderResult> out) {
        while (true) {
            long end = buffer.end();
            if (scanFrom + patternLength > end) {
                return null;
            }
            long window = buffer.bits(scanFrom, patternLength);
            long s = scanFrom;
            int match = -1;
            int best = Integer.MAX_VALUE;
            boolean tie = false;
            while (true) {
                for (int i = 0; i < patterns.length; i++) {
                    int d = Long.bitCount((window ^ patterns[i]) & mask);
                    if (d < best) {
                        best = d;
                        match = i;
                        tie = false;
                    } else if (d == best) {
                        tie = true;
                    }
                }
                if (best <= maxErrors) {
                    break;
                }
                best = Integer.MAX_VALUE;
                if (s + patternLength >= end) {
                    scanFrom = s + 1; // nothing up to here; the next window needs a chip not yet received
                    return null;
                }
                window = ((window << 1) | (buffer.chip(s + patternLength) ? 1 : 0)) & mask;
                s++;
            }
            scanFrom = s;
            long frameStart = s + patternLength;
            if (tie) {
                out.add(error(FrameError.Kind.AMBIGUOUS_SYNC, s, "the synchronisation words of two frame formats match "
                        + "with " + best + " wrong chips each"));
                scanFrom = s + 1;
                continue;
            }
            if (isForeign(frameStart)) {
                scanFrom = s + 1;
                continue;
            }
            if (!ending && !foreign.isEmpty() && !buffer.has(frameStart, longestForeign())) {
                return null; // wait: the chips that tell a foreign frame have not arrived
            }
            return new Start(s, frameStart, formats[match], best);
        }
    }

    private boolean isForeign(long frameStart) {
        for (ChipSequence f : foreign) {
            if (buffer.has(frameStart, f.length()) && buffer.bits(frameStart, f.length()) == f.bits(0, f.length())) {
                return true;
            }
        }
        return false;
    }

    private int longestForeign() {
        int n = 0;
        for (ChipSequence f : foreign) {
            n = Math.max(n, f.length());
        }
        return n;
    }

    private FrameError error(FrameError.Kind kind, long position, String message) {
        return new FrameError(mode, direction, kind, position, message);
    }
}
