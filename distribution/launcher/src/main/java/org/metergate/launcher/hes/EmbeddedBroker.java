package org.metergate.launcher.hes;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.metergate.features.FeatureAssembly;

/**
 * The demo's MQTT broker (moquette, in the launcher's JVM, outside the OSGi framework): started when a
 * head-end link configuration (factory PID {@value #LINK_PID}) has no broker URIs, on the loopback
 * interface only, port {@value #DEFAULT_PORT} (or a free one when that is taken), in memory, anonymous,
 * telemetry off. The link is then configured to it. It lives as long as the JVM, so it outlasts the
 * framework and the link's disconnect message reaches it.
 */
public final class EmbeddedBroker {

    public static final String LINK_PID = "org.metergate.headend.mqtt";
    public static final int DEFAULT_PORT = 1883;
    /** System property to choose the port (tests); 0 picks a free one. */
    public static final String PORT_PROPERTY = "metergate.embedded.broker.port";

    private static volatile Server running;
    private static int runningPort;
    /** The broker starts on this thread while the framework starts: the link reconnects until it is up. */
    private static Thread starting;

    private EmbeddedBroker() {
    }

    /** The head-end link configurations without a broker. */
    static List<String> unconfiguredLinks(FeatureAssembly assembly) {
        List<String> pids = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : assembly.configurations().entrySet()) {
            if (e.getKey().equals(LINK_PID) || e.getKey().startsWith(LINK_PID + "~")) {
                Object uris = e.getValue().get("broker.uris");
                boolean empty = uris == null || (uris instanceof String s && s.isBlank())
                        || (uris instanceof List<?> l && l.isEmpty()) || (uris instanceof Object[] a && a.length == 0);
                if (empty) {
                    pids.add(e.getKey());
                }
            }
        }
        return pids;
    }

    /**
     * Starts the broker when some head-end link has no broker and returns the assembly with those links
     * pointed at it; otherwise returns the assembly unchanged.
     */
    public static FeatureAssembly startIfUnconfigured(FeatureAssembly assembly, PrintStream out) throws IOException {
        List<String> pids = unconfiguredLinks(assembly);
        if (pids.isEmpty()) {
            return assembly;
        }
        int port = start(Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT));
        String uri = "tcp://127.0.0.1:" + port;
        out.println("metergate: no MQTT broker configured: embedded broker on " + uri
                + " (loopback only; try: bin/metergate hes watch --broker " + uri + ")");
        FeatureAssembly a = assembly;
        for (String pid : pids) {
            a = a.withProperty(pid, "broker.uris", uri);
        }
        return a;
    }

    /**
     * Starts the broker on 127.0.0.1, on {@code port} or, when taken (or 0), a free port; returns the
     * port. The port is chosen now; the broker itself comes up on a thread of its own, so that it does not
     * delay the gateway's start (netty and moquette take a few hundred milliseconds to load).
     */
    static synchronized int start(int port) throws IOException {
        if (starting != null) {
            return runningPort;
        }
        int chosen = port > 0 && free(port) ? port : freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(chosen));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        // deployment chunks over MQTT are up to 64 KiB (moquette's default limit is 8 KiB)
        p.setProperty("netty.mqtt.message_size", Integer.toString(256 * 1024));
        runningPort = chosen;
        starting = new Thread(() -> {
            try {
                Server server = new Server();
                server.startServer(new MemoryConfig(p));
                running = server;
            } catch (IOException | RuntimeException e) {
                System.err.println("metergate: the embedded broker did not start on port " + chosen + ": " + e);
            }
        }, "metergate-embedded-broker");
        starting.setDaemon(true);
        starting.start();
        return chosen;
    }

    /** Stops the broker if this JVM runs one (waiting for it to have started). */
    public static synchronized void stop() {
        if (starting != null) {
            try {
                starting.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (running != null) {
            running.stopServer();
            running = null;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
