package org.metergate.driver.simulators;

import java.util.HexFormat;

/**
 * Real wireless M-Bus telegrams (L-field first, without link CRCs) from the test data of wmbusmeters, as collected in
 * {@code shared/corpus/wmbus/wmbusmeters-public.jsonl}; each names the file it comes from there.
 */
public final class Telegrams {

    /** Sensus iPERL water meter, T1, 25 bytes (wmbusmeters drivers/src/iperl.xmq). */
    public static final String IPERL_T1 = "1844AE4C4455223368077A55000000041389E20100023B0000";

    /** Kamstrup water meter, C1, ELL, 36 bytes (wmbusmeters simulations/simulation_c1.txt). */
    public static final String KAMWATER_C1 = "23442D2C998734761B168D2087D19EAD217F1779EDA86AB6710008190000081900007F13";

    /** Bmeters Hydrodigit water meter, T1, 34 bytes (wmbusmeters drivers/src/hydrodigit.xmq). */
    public static final String HYDRODIGIT_T1 = "2144B4099163742315077A400000000C1399999999046D092A30340F050B01000000";

    /** ABB B23 electricity meter, 133 bytes: long enough for several format A blocks and a format B third block
     *  (wmbusmeters drivers/src/abbb23.xmq). */
    public static final String ABB_B23 = "844442040011223320027A3E0000200E840017495200000004FFA0150000000004FFA1150000000004FFA2"
            + "150000000004FFA3150000000007FFA600000000000000000007FFA700000000000000000007FFA800000000000000000007FFA9000000"
            + "0000000000000DFD8E0007302E38322E31420DFFAA000B3030312D313131203332421F";

    private Telegrams() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
