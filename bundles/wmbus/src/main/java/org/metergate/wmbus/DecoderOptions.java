package org.metergate.wmbus;

/**
 * How a {@link WMBusDecoder} behaves where the standards leave the receiver a choice.
 *
 * @param replayDetection check access numbers / message counters per meter ({@link ReplayGuard})
 * @param accessNumberWindow how far an 8-bit access number may go back without being a replay (0..127)
 * @param messageCounterWindow how far a 32-bit AFL message counter may go back without being a replay
 * @param plaintext what to do with a payload that arrives in clear although its header says encrypted
 * @param maxMeters how many meters the replay guard and the compact-frame cache remember
 */
public record DecoderOptions(boolean replayDetection, int accessNumberWindow, long messageCounterWindow,
                             PlaintextPolicy plaintext, int maxMeters) {

    /** Telegrams flagged encrypted whose payload is already clear (decrypted by a stick or stored decrypted). */
    public enum PlaintextPolicy {
        /** Decode the records and report {@link org.metergate.wmbus.security.SecurityStatus#PLAINTEXT_DESPITE_ENCRYPTION_FLAG}. */
        DECODE_AND_FLAG,
        /**
         * Refuse when the key lookup has a key for the meter (a meter whose key we hold must send
         * encrypted data: clear text in its name is forged or replayed from a log), else decode and flag.
         */
        REFUSE_WHEN_KEYED,
        /** Refuse: report a {@link org.metergate.wmbus.security.SecurityErrorKind#PLAINTEXT_REFUSED} failure, no records. */
        REFUSE
    }

    public DecoderOptions {
        if (accessNumberWindow < 0 || accessNumberWindow > 127) {
            throw new IllegalArgumentException("access number window must be 0..127");
        }
        if (messageCounterWindow < 0) {
            throw new IllegalArgumentException("message counter window must not be negative");
        }
        if (plaintext == null) {
            throw new IllegalArgumentException("plaintext policy missing");
        }
        if (maxMeters < 1) {
            throw new IllegalArgumentException("maxMeters must be positive");
        }
    }

    /**
     * Replay detection on with windows of 2; clear payloads despite the security mode decoded and
     * flagged, but refused for meters whose key is known; 100 000 meters.
     */
    public static DecoderOptions defaults() {
        return new DecoderOptions(true, 2, 2, PlaintextPolicy.REFUSE_WHEN_KEYED, 100_000);
    }

    public DecoderOptions withReplayDetection(boolean on) {
        return new DecoderOptions(on, accessNumberWindow, messageCounterWindow, plaintext, maxMeters);
    }

    public DecoderOptions withWindows(int accessNumbers, long messageCounters) {
        return new DecoderOptions(replayDetection, accessNumbers, messageCounters, plaintext, maxMeters);
    }

    public DecoderOptions withPlaintext(PlaintextPolicy policy) {
        return new DecoderOptions(replayDetection, accessNumberWindow, messageCounterWindow, policy, maxMeters);
    }

    public DecoderOptions withMaxMeters(int meters) {
        return new DecoderOptions(replayDetection, accessNumberWindow, messageCounterWindow, plaintext, meters);
    }
}
