package org.metergate.radio.common;

import org.metergate.api.radio.ChipSequence;

/**
 * The synchronisation words of EN 13757-4, chip by chip. Sources, cross-checked:
 * Microchip's wM-Bus TRX configuration table (S: 0x07696 in 18 chips, T: 0x03D in 10 chips);
 * STMicroelectronics' S2-LP wM-Bus stack (wmbus_phy.c / S2LP_PktWMbus.c: C 0x543D54CD / 0x543D543D,
 * N and F 0xF68D / 0xF672); rtl-wmbus (rtl_wmbus.c access codes, t1_c1_packet_decoder.h mode C
 * format bits); rtl_433 (src/devices/m_bus.c preambles of modes C, N and F).
 */
public final class SyncWords {

    /** Modes S (both directions) and T other-to-meter, frame format A: 18 chips. */
    public static final ChipSequence S = ChipSequence.parse("000111011010010110");
    /** Mode T meter-to-other, frame format A: 10 chips. */
    public static final ChipSequence T = ChipSequence.parse("0000111101");
    /** Mode C, frame format A: mode T's word, then 0x54 0xCD. */
    public static final ChipSequence C_FORMAT_A = ChipSequence.parse("0000111101 01010100 11001101");
    /** Mode C, frame format B: mode T's word, then 0x54 0x3D. */
    public static final ChipSequence C_FORMAT_B = ChipSequence.parse("0000111101 01010100 00111101");
    /** Modes N and F, frame format A: 0xF68D. */
    public static final ChipSequence NF_FORMAT_A = ChipSequence.parse("11110110 10001101");
    /** Modes N and F, frame format B: 0xF672. */
    public static final ChipSequence NF_FORMAT_B = ChipSequence.parse("11110110 01110010");

    private SyncWords() {
    }
}
