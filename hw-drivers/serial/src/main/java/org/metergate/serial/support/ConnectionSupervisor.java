package org.metergate.serial.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.metergate.api.link.LinkState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a device connected: opens a session, lets it run until the device goes away, reports DOWN with the reason,
 * waits according to the {@link Backoff} and opens again, until stopped. A session that came up again after a loss
 * counts as a reconnect. One thread per device.
 *
 * @param <S> the session type
 */
public final class ConnectionSupervisor<S extends DeviceSession> {

    /** Opens and initialises a session; throws when the device is absent or does not answer as it should. */
    @FunctionalInterface
    public interface SessionFactory<S extends DeviceSession> {
        S open() throws IOException, InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final String name;
    private final SessionFactory<S> factory;
    private final Backoff backoff;
    private final DriverCounters counters;
    private final Sleeper sleeper;
    private final BiConsumer<LinkState, String> stateListener;
    private volatile LinkState state = LinkState.STARTING;
    private volatile String detail = "starting";
    private volatile S current;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param stateListener told every state change with its detail (on the supervisor thread); may be a no-op
     */
    public ConnectionSupervisor(String name, SessionFactory<S> factory, Backoff backoff, DriverCounters counters,
                                Sleeper sleeper, BiConsumer<LinkState, String> stateListener) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        thread = new Thread(this::loop, "metergate-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reconnecting, closes the current session and waits up to {@code wait} for the thread to end. */
    public void stop(Duration wait) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        S s = current;
        if (s != null) {
            s.close();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setState(LinkState.STOPPED, "stopped");
    }

    public LinkState state() {
        return state;
    }

    /** Why the device is in its state, e.g. the error that took it down. */
    public String detail() {
        return detail;
    }

    /** The running session, or null while down. */
    public S current() {
        return current;
    }

    private void loop() {
        boolean wasUp = false;
        int failures = 0;
        while (running) {
            S session;
            try {
                session = factory.open();
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                failures++;
                if (!running) {
                    break;
                }
                setState(LinkState.DOWN, "cannot connect: " + message(e));
                if (e instanceof RuntimeException) {
                    LOG.error("{}: driver failure while connecting", name, e);
                }
                if (!pause(failures)) {
                    break;
                }
                continue;
            }
            if (!running) {
                session.close();
                break;
            }
            current = session;
            if (wasUp) {
                counters.reconnected();
            }
            wasUp = true;
            failures = 0;
            setState(LinkState.UP, "connected");
            String reason;
            try {
                session.run();
                reason = "session ended";
            } catch (InterruptedException e) {
                reason = "interrupted";
            } catch (IOException e) {
                reason = message(e);
            } catch (RuntimeException e) {
                reason = "driver failure: " + message(e);
                LOG.error("{}: driver failure", name, e);
            } finally {
                current = null;
                session.close();
            }
            if (!running) {
                break;
            }
            setState(LinkState.DOWN, reason);
            failures = 1;
            if (!pause(failures)) {
                break;
            }
        }
        if (state != LinkState.STOPPED) {
            setState(LinkState.STOPPED, "stopped");
        }
    }

    private boolean pause(int failures) {
        Duration d = backoff.delay(failures);
        try {
            sleeper.sleep(d);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void setState(LinkState s, String why) {
        synchronized (this) {
            if (state == LinkState.STOPPED && s != LinkState.STOPPED) {
                return; // a late report from the loop after stop()
            }
            if (state == s && detail.equals(why)) {
                return;
            }
            state = s;
            detail = why;
        }
        if (s == LinkState.DOWN) {
            LOG.warn("{} down: {}", name, why);
        } else {
            LOG.info("{} {}: {}", name, s, why);
        }
        try {
            stateListener.accept(s, why);
        } catch (RuntimeException e) {
            LOG.error("{}: state listener failed", name, e);
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
