package org.metergate.mbus.link;

/** The single character E5: the slave's acknowledgement. */
public record SingleCharacter() implements LinkFrame {

    public static final int E5 = 0xE5;
    public static final SingleCharacter ACK = new SingleCharacter();
}
