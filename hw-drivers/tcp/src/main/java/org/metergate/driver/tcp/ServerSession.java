package org.metergate.driver.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for receivers; each connection is read on its own thread until it closes. A receiver that leaves does not
 * take the input down; the listening socket failing does.
 */
final class ServerSession extends TcpSession {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final TcpTransceiver owner;
    private final TcpSettings settings;
    private final ServerSocket server;
    private final Set<Socket> receivers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ServerSession(TcpTransceiver owner, TcpSettings settings, ServerSocket server) {
        this.owner = owner;
        this.settings = settings;
        this.server = server;
    }

    static ServerSession listen(TcpTransceiver owner, TcpSettings settings) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(settings.host(), settings.port()), 50);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
        LOG.info("{}: listening on {}", settings.id(), s.getLocalSocketAddress());
        return new ServerSession(owner, settings, s);
    }

    int localPort() {
        return server.getLocalPort();
    }

    int receivers() {
        return receivers.size();
    }

    @Override
    public void run() throws IOException {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                throw new IOException("listening socket failed: " + e.getMessage());
            }
            if (receivers.size() >= settings.maxReceivers()) {
                LOG.warn("{}: refused {}: already {} receivers", settings.id(), s.getRemoteSocketAddress(),
                        receivers.size());
                s.close();
                continue;
            }
            receivers.add(s);
            Thread t = new Thread(() -> serve(s), "metergate-tcp-" + settings.id() + "-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        LOG.info("{}: receiver {} connected", settings.id(), s.getRemoteSocketAddress());
        try {
            s.setKeepAlive(true);
            LineReader.read(s.getInputStream(), owner);
            LOG.info("{}: receiver {} left", settings.id(), s.getRemoteSocketAddress());
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("{}: receiver {} failed: {}", settings.id(), s.getRemoteSocketAddress(), e.getMessage());
            }
        } finally {
            receivers.remove(s);
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    String describe() {
        return "listening on " + server.getLocalSocketAddress() + ", " + receivers.size() + " receiver(s) connected";
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : receivers) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
