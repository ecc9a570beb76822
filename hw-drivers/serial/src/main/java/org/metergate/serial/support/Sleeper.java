package org.metergate.serial.support;

import java.time.Duration;

/** Waits; a seam so back-off can be tested without sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
