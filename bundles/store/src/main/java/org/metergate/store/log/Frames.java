package org.metergate.store.log;

/**
 * The framing of one journal record on disk:
 *
 * <pre>
 * u32  payload length L (big-endian)
 * u32  CRC32C of the payload
 * L    payload: i64 sequence | u8 kind | record body (see UplinkEncoder)
 *      kind: bits 0-3 record type, bit 7 set on the last record of an append, bits 4-6 zero
 * </pre>
 *
 * The checksum makes a torn or partly written record detectable; the batch-end bit makes a whole
 * append visible after a crash or none of it.
 */
final class Frames {

    static final int HEADER = 8;
    /** Sequence and kind. */
    static final int PAYLOAD_PREFIX = 9;
    /** Prefix plus at least one body byte. */
    static final int MIN_PAYLOAD = PAYLOAD_PREFIX + 1;
    static final int BATCH_END = 0x80;
    static final int TYPE_MASK = 0x0F;
    static final int RESERVED_MASK = 0x70;
    /**
     * The largest payload a reader accepts: the format's limit, not the configured one, so that
     * lowering {@code maxRecordBytes} never makes recovery take an existing record for a torn one.
     */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024 + PAYLOAD_PREFIX;

    private Frames() {
    }

    static int kind(int type, boolean batchEnd) {
        return type | (batchEnd ? BATCH_END : 0);
    }
}
