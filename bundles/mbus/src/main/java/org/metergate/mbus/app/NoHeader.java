package org.metergate.mbus.app;

/** CI 0x78: the records follow the CI directly. */
public record NoHeader() implements TransportHeader {

    public static final NoHeader INSTANCE = new NoHeader();

    @Override
    public int length() {
        return 0;
    }
}
