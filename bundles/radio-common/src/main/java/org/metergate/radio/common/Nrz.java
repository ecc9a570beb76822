package org.metergate.radio.common;

import org.metergate.api.radio.DataEncoding;

/** NRZ (modes C, N, F): each chip is one data bit; every chip pattern is a valid byte. */
public final class Nrz implements LineCode {

    public static final Nrz INSTANCE = new Nrz();

    private Nrz() {
    }

    @Override
    public DataEncoding encoding() {
        return DataEncoding.NRZ;
    }

    @Override
    public int encodeByte(int value) {
        return value & 0xFF;
    }

    @Override
    public int decodeByte(int chips) {
        return chips & 0xFF;
    }

    @Override
    public String toString() {
        return "NRZ";
    }
}
