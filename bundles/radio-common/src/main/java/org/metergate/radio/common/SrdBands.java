package org.metergate.radio.common;

import org.metergate.api.radio.DutyCycle;

/**
 * The duty-cycle limits of the SRD sub-bands the EN 13757-4 channels lie in, from ERC/REC 70-03
 * (Annex 1, non-specific short range devices, and the 169 MHz band for meter reading) as EN 13757-4
 * assumes them. The band limits and powers are those of the Annex 1 excerpt in the Akerstroms Jupiter
 * Era 4B manual (appendix 1: bands f, g1, g2, g3); the percentages are the recommendation's
 * duty-cycle column.
 */
public final class SrdBands {

    /** 868.3 MHz (modes S, T other-to-meter): band g1, 868.000-868.600 MHz, 25 mW, 1 %. */
    public static final DutyCycle G1_868_0 = new DutyCycle(1.0, "868.000-868.600 MHz, 25 mW e.r.p. (ERC/REC 70-03 Annex 1 g1)");
    /** 868.95 MHz (modes T and C meter-to-other): band g2, 868.700-869.200 MHz, 25 mW, 0.1 %. */
    public static final DutyCycle G2_868_7 = new DutyCycle(0.1, "868.700-869.200 MHz, 25 mW e.r.p. (ERC/REC 70-03 Annex 1 g2)");
    /** 869.525 MHz (mode C other-to-meter): band g3, 869.400-869.650 MHz, 500 mW, 10 %. */
    public static final DutyCycle G3_869_4 = new DutyCycle(10.0, "869.400-869.650 MHz, 500 mW e.r.p. (ERC/REC 70-03 Annex 1 g3)");
    /** 169.40625-169.46875 MHz (mode N): the meter-reading band 169.400-169.475 MHz, 500 mW, 10 %. */
    public static final DutyCycle METER_169_4 = new DutyCycle(10.0, "169.400-169.475 MHz meter reading, 500 mW e.r.p. (ERC/REC 70-03)");
    /** 433.82 MHz (mode F): band f, 433.050-434.790 MHz, 10 mW, 10 %. */
    public static final DutyCycle F_433_05 = new DutyCycle(10.0, "433.050-434.790 MHz, 10 mW e.r.p. (ERC/REC 70-03 Annex 1 f)");

    private SrdBands() {
    }
}
