package org.metergate.mbus.app;

/** The header between the CI-field and the data records of a response: long, short or none. */
public sealed interface TransportHeader permits LongHeader, ShortHeader, NoHeader {

    /** Bytes of the header after the CI. */
    int length();
}
