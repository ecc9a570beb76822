package org.metergate.mbus.link;

/**
 * The function codes of the EN 13757-2 C-field (bits 0-3) and who sends them. Function codes the
 * standard does not use are {@link #UNDEFINED}; the exact byte stays in {@link ControlField#value()}.
 */
public enum LinkFunction {
    /** Initialisation of the slave (reset of the FCB), short frame from the master. */
    SND_NKE(0x0, true, "link reset"),
    /** Send user data to the slave, long frame from the master. */
    SND_UD(0x3, true, "send user data"),
    /** Request class 1 data (alarm protocol), short frame from the master. */
    REQ_UD1(0xA, true, "request class 1 data"),
    /** Request class 2 data (the readout), short frame from the master. */
    REQ_UD2(0xB, true, "request class 2 data"),
    /** Response with user data, long frame from the slave. */
    RSP_UD(0x8, false, "respond user data"),
    /** A function code EN 13757-2 does not define. */
    UNDEFINED(-1, false, "undefined function");

    private final int code;
    private final boolean fromMaster;
    private final String description;

    LinkFunction(int code, boolean fromMaster, String description) {
        this.code = code;
        this.fromMaster = fromMaster;
        this.description = description;
    }

    /** The four function bits; -1 for {@link #UNDEFINED}. */
    public int code() {
        return code;
    }

    /** True for the primary station's (master's) functions: the PRM bit is set. */
    public boolean fromMaster() {
        return fromMaster;
    }

    public String description() {
        return description;
    }
}
