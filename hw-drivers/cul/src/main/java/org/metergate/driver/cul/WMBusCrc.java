package org.metergate.driver.cul;

import java.io.ByteArrayOutputStream;
import org.metergate.serial.support.FaultKind;
import org.metergate.serial.support.FrameFormatException;

/**
 * The link-layer CRCs of EN 13757-4 frame formats A and B: where the blocks are, checking them and adding them (culfw
 * sends what it is given, so the driver adds the CRCs to frames it sends).
 */
final class WMBusCrc {

    /** Format A: the first block has the L-, C-, M- and A-fields. */
    static final int FIRST_BLOCK = 10;
    /** Format A: the later blocks hold 16 data bytes. */
    static final int BLOCK = 16;
    /** Format B: blocks 1 and 2 hold at most 126 bytes before their CRC. */
    static final int FORMAT_B_FIRST = 126;

    private WMBusCrc() {
    }

    /** CRC-16 polynomial 0x3D65, initial value 0, MSB first, inverted. */
    static int of(byte[] b, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x3D65) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc ^ 0xFFFF;
    }

    /** Bytes of a format A frame with L-field {@code l}, CRCs included. */
    static int lengthA(int l) {
        if (l < FIRST_BLOCK - 1) {
            return -1;
        }
        int rest = l - (FIRST_BLOCK - 1);
        int blocks = 1 + (rest + BLOCK - 1) / BLOCK;
        return l + 1 + 2 * blocks;
    }

    /** Bytes of a format B frame with L-field {@code l}: the L-field counts the CRCs. */
    static int lengthB(int l) {
        return l < FIRST_BLOCK + 2 ? -1 : l + 1;
    }

    /**
     * Checks every CRC of a format A frame.
     *
     * @throws FrameFormatException (checksum) naming the first block whose CRC is wrong
     */
    static void checkA(byte[] f) throws FrameFormatException {
        int at = 0;
        int block = 1;
        int size = FIRST_BLOCK;
        while (at < f.length) {
            int n = Math.min(size, f.length - at - 2);
            check(f, at, n, block);
            at += n + 2;
            size = BLOCK;
            block++;
        }
    }

    /** Checks the CRCs of a format B frame. */
    static void checkB(byte[] f) throws FrameFormatException {
        if (f.length <= FORMAT_B_FIRST + 2) {
            check(f, 0, f.length - 2, 2);
        } else {
            check(f, 0, FORMAT_B_FIRST, 2);
            check(f, FORMAT_B_FIRST + 2, f.length - FORMAT_B_FIRST - 4, 3);
        }
    }

    private static void check(byte[] f, int at, int n, int block) throws FrameFormatException {
        int expected = of(f, at, n);
        int got = (f[at + n] & 0xFF) << 8 | (f[at + n + 1] & 0xFF);
        if (expected != got) {
            throw new FrameFormatException(FaultKind.CHECKSUM,
                    String.format("CRC of block %d is %04X, computed %04X", block, got, expected));
        }
    }

    /** A frame without CRCs (L-field first) with the format A CRCs inserted. */
    static byte[] addA(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int size = FIRST_BLOCK;
        while (at < frame.length) {
            int n = Math.min(size, frame.length - at);
            out.write(frame, at, n);
            int crc = of(frame, at, n);
            out.write(crc >> 8);
            out.write(crc);
            at += n;
            size = BLOCK;
        }
        return out.toByteArray();
    }
}
