package org.metergate.mbus.link;

/** An EN 13757-2 frame: {@link SingleCharacter}, {@link ShortFrame}, {@link ControlFrame} or {@link LongFrame}. */
public sealed interface LinkFrame permits SingleCharacter, ShortFrame, ControlFrame, LongFrame {
}
