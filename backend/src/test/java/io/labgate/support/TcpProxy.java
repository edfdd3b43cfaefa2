package io.labgate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a free loopback port, to take a server away from a client and give it back:
 * {@link #cut()} resets every open connection and closes new ones at once (as a database fail-over or
 * restart looks to a client), {@link #restore()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean cut;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("tcp-proxy-" + port()).start(this::acceptLoop);
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets all current connections; new ones are closed as soon as they are accepted, until restored. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /** Connections forwarded so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections closed on arrival while cut. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            Thread.ofVirtual().start(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            reset(client);
            reset(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        if (cut) { // cut while connecting
            refused.incrementAndGet();
            reset(client);
            reset(upstream);
            return;
        }
        accepted.incrementAndGet();
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed by cut() or by either side
        } finally {
            close(from);
            close(to);
        }
    }

    /** Closes with RST rather than FIN, as a lost server looks. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        close(socket);
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
