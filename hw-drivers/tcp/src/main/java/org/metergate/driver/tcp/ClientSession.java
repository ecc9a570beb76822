package org.metergate.driver.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Connects to a receiver and reads its lines; the connection ending or falling silent ends the session. */
final class ClientSession extends TcpSession {

    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final TcpTransceiver owner;
    private final TcpSettings settings;
    private final Socket socket;
    private volatile boolean closed;

    private ClientSession(TcpTransceiver owner, TcpSettings settings, Socket socket) {
        this.owner = owner;
        this.settings = settings;
        this.socket = socket;
    }

    static ClientSession connect(TcpTransceiver owner, TcpSettings settings) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_TIMEOUT_MS);
            s.setKeepAlive(true);
            s.setSoTimeout((int) settings.idleTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
        return new ClientSession(owner, settings, s);
    }

    @Override
    public void run() throws IOException {
        try {
            LineReader.read(socket.getInputStream(), owner);
        } catch (SocketTimeoutException e) {
            throw new IOException("nothing received for " + settings.idleTimeout().toSeconds() + " s");
        } catch (IOException e) {
            if (closed) {
                return;
            }
            throw e;
        }
        if (!closed) {
            throw new IOException("the receiver at " + describePeer() + " closed the connection");
        }
    }

    private String describePeer() {
        return settings.host() + ":" + settings.port();
    }

    @Override
    String describe() {
        return "connected to " + describePeer();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
