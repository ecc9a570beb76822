package org.metergate.logging;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards what the framework and the OSGi services (SCR, ConfigAdmin, ...) write to the OSGi Log
 * Service into SLF4J: a component that cannot be satisfied or an exception in an activator ends up
 * in the gateway's log file. Which entries reach the Log Service is the Log Service's own level
 * configuration (WARN by default).
 */
@Component(immediate = true)
public final class OsgiLogForwarder implements LogListener {

    private static final String DEFAULT_LOGGER = "LogService";

    private final LogReaderService reader;

    @Activate
    public OsgiLogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        // Bind SLF4J to its provider here, once, before the Log Service's thread and the bundles that
        // start next log concurrently (SLF4J would otherwise queue and replay their first messages).
        LoggerFactory.getILoggerFactory();
        reader.addLogListener(this);
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger log = LoggerFactory.getLogger(loggerName(entry));
        String message = message(entry);
        Throwable t = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> log.error(message, t);
            case WARN -> log.warn(message, t);
            case INFO -> log.info(message, t);
            case DEBUG -> log.debug(message, t);
            case TRACE -> log.trace(message, t);
            default -> log.info(message, t);
        }
    }

    /** The entry's logger name; entries of the old LogService API are named after their bundle. */
    static String loggerName(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name == null || name.isEmpty() || name.equals(DEFAULT_LOGGER) || name.startsWith(DEFAULT_LOGGER + ".")) {
            Bundle b = entry.getBundle();
            return "osgi." + (b == null || b.getSymbolicName() == null ? "framework" : b.getSymbolicName());
        }
        return name;
    }

    static String message(LogEntry entry) {
        Bundle b = entry.getBundle();
        String origin = b == null ? "" : "[" + b.getSymbolicName() + "] ";
        return origin + entry.getMessage();
    }
}
