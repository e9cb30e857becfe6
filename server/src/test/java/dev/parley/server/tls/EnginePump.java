package dev.parley.server.tls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/** Runs a real TLS handshake between two engines in memory, passing each one's records to the other. */
final class EnginePump {
    private static final int BUFFER = 1 << 18;
    private static final int MAX_ROUNDS = 200;

    private EnginePump() {
    }

    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocate(BUFFER);
        ByteBuffer toClient = ByteBuffer.allocate(BUFFER);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = step(client, toClient, toServer) | step(server, toServer, toClient);
            if (done(client) && done(server) && toServer.position() == 0 && toClient.position() == 0) {
                return;
            }
            if (!moved) {
                throw new SSLException("handshake stalled: client " + client.getHandshakeStatus() + ", server "
                        + server.getHandshakeStatus());
            }
        }
        throw new SSLException("handshake did not finish in " + MAX_ROUNDS + " rounds");
    }

    private static boolean done(SSLEngine engine) {
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** Lets {@code engine} read what it was sent and write what it must; true when anything happened. */
    private static boolean step(SSLEngine engine, ByteBuffer inbound, ByteBuffer outbound) throws SSLException {
        boolean moved = false;
        boolean unwrappedNothing = false;
        ByteBuffer application = ByteBuffer.allocate(BUFFER);
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                moved = true;
            } else if (status == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), outbound);
                moved |= result.bytesProduced() > 0;
                if (result.bytesProduced() == 0 && result.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                    return moved;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return true;
                }
            } else if (inbound.position() > 0 || (status == HandshakeStatus.NEED_UNWRAP && !unwrappedNothing)) {
                // NEED_UNWRAP, or post-handshake messages (TLS 1.3 session tickets) while NOT_HANDSHAKING. BoringSSL's
                // engine may need one more unwrap, with nothing new to read, to act on records it has already taken.
                unwrappedNothing = inbound.position() == 0;
                inbound.flip();
                SSLEngineResult result = engine.unwrap(inbound, application);
                inbound.compact();
                if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                        && result.getHandshakeStatus() == status) {
                    return moved;
                }
                moved = true;
            } else {
                return moved;
            }
        }
    }
}
