package org.metergate.radio.common;

import java.util.SplittableRandom;
import org.metergate.api.radio.ChipSequence;

/** Random chips as a receiver outputs them when no frame is on the air; seeded, so tests repeat exactly. */
public final class Noise {

    private Noise() {
    }

    public static ChipSequence chips(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        ChipSequence.Builder b = new ChipSequence.Builder(count);
        for (int i = 0; i < count; i++) {
            b.append(r.nextBoolean());
        }
        return b.build();
    }
}
