package org.metergate.headend.mqtt.link;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory moquette broker on a free loopback port (tests only; telemetry off). It records every
 * PUBLISH it accepts, so a test can see what reached the broker without racing a subscriber against
 * the publisher after a restart.
 */
final class TestBroker implements AutoCloseable {

    record Published(String topic, byte[] payload) {
    }

    final int port;
    final List<Published> published = new CopyOnWriteArrayList<>();
    private Server server;

    TestBroker() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start();
    }

    void start() throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        server = new Server();
        server.startServer(new MemoryConfig(p), List.of(new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "test-recorder";
            }

            @Override
            public void onPublish(InterceptPublishMessage msg) {
                published.add(new Published(msg.getTopicName(), ByteBufUtil.getBytes(msg.getPayload())));
            }

            @Override
            public void onSessionLoopError(Throwable error) {
            }
        }));
    }

    void stop() {
        server.stopServer();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
