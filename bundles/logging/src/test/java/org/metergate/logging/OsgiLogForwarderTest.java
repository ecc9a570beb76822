package org.metergate.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.LoggerFactory;

class OsgiLogForwarderTest {

    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args)));
    }

    private static LogEntry entry(String loggerName, LogLevel level, String message, String bsn, Throwable t) {
        Bundle bundle = proxy(Bundle.class, (m, a) -> m.equals("getSymbolicName") ? bsn : null);
        return proxy(LogEntry.class, (m, a) -> switch (m) {
            case "getLoggerName" -> loggerName;
            case "getLogLevel" -> level;
            case "getMessage" -> message;
            case "getBundle" -> bundle;
            case "getException" -> t;
            default -> null;
        });
    }

    @Test
    void forwardsEntriesWithTheirLevelOriginAndException() {
        List<LogListener> listeners = new ArrayList<>();
        LogReaderService reader = proxy(LogReaderService.class, (m, a) -> {
            if (m.equals("addLogListener")) listeners.add((LogListener) a[0]);
            if (m.equals("removeLogListener")) listeners.remove((LogListener) a[0]);
            return null;
        });
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            OsgiLogForwarder forwarder = new OsgiLogForwarder(reader);
            assertThat(listeners).containsExactly(forwarder);
            IllegalStateException boom = new IllegalStateException("boom");
            listeners.get(0).logged(entry("org.apache.felix.scr.impl", LogLevel.ERROR, "component failed", "org.apache.felix.scr", boom));
            listeners.get(0).logged(entry("LogService.org.apache.felix.cm", LogLevel.WARN, "no config", "org.apache.felix.configadmin", null));

            assertThat(appender.list).hasSize(2);
            ILoggingEvent first = appender.list.get(0);
            assertThat(first.getLevel()).isEqualTo(Level.ERROR);
            assertThat(first.getLoggerName()).isEqualTo("org.apache.felix.scr.impl");
            assertThat(first.getFormattedMessage()).isEqualTo("[org.apache.felix.scr] component failed");
            assertThat(first.getThrowableProxy().getMessage()).isEqualTo("boom");
            ILoggingEvent second = appender.list.get(1);
            assertThat(second.getLevel()).isEqualTo(Level.WARN);
            assertThat(second.getLoggerName()).isEqualTo("osgi.org.apache.felix.configadmin");

            forwarder.stop();
            assertThat(listeners).isEmpty();
        } finally {
            root.detachAppender(appender);
        }
    }
}
