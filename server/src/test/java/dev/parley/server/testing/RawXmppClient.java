package dev.parley.server.testing;

import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmppStreamParser;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A deliberately low-level XMPP client for tests that must send what real clients never would (broken XML, oversize
 * stanzas) and see exactly what the server answers. It parses the server's output with Parley's own stream parser.
 */
public final class RawXmppClient implements AutoCloseable {
    private static final ParserLimits GENEROUS = new ParserLimits(1 << 20, 64, 64, 8192);

    private Socket socket;
    private InputStream in;
    private XmppStreamParser parser;
    private final Deque<XmlElement> received = new ArrayDeque<>();
    private StreamHeader header;
    private boolean closedByServer;
    private final byte[] buffer = new byte[16384];

    private RawXmppClient(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.parser = newParser();
    }

    public static RawXmppClient connect(int port) throws IOException {
        return new RawXmppClient(new Socket("127.0.0.1", port));
    }

    /**
     * Connects with a socket receive buffer of about {@code receiveBufferBytes} (set before connecting, so the window
     * stays small): a client that stops reading fills it quickly.
     */
    public static RawXmppClient connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new RawXmppClient(socket);
    }

    /** Connects with direct TLS (XEP-0368), trusting any certificate, with SNI for {@code serverName}. */
    public static RawXmppClient connectTls(int port, String serverName) throws Exception {
        Socket plain = new Socket("127.0.0.1", port);
        return new RawXmppClient(wrap(plain, serverName));
    }

    public void send(String xml) throws IOException {
        send(xml.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Sends a client stream header for {@code domain} and returns the server's stream features. */
    public XmlElement openStream(String domain) throws Exception {
        send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='" + domain + "' version='1.0'>");
        return next();
    }

    public StreamHeader header() {
        return header;
    }

    /** The next top-level element from the server; fails after the socket timeout. */
    public XmlElement next() throws Exception {
        while (received.isEmpty()) {
            if (!readSome()) {
                throw new IOException("server closed the connection");
            }
        }
        return received.poll();
    }

    /** The first top-level element named {@code name} (iq, message, presence, ...); others stay queued. */
    public XmlElement next(String name) throws Exception {
        return next(element -> element.name().equals(name));
    }

    /**
     * The first top-level element that matches; the others stay queued, in order, for later calls. Fails after the
     * socket timeout.
     */
    public XmlElement next(Predicate<XmlElement> wanted) throws Exception {
        while (true) {
            for (Iterator<XmlElement> queued = received.iterator(); queued.hasNext(); ) {
                XmlElement element = queued.next();
                if (wanted.test(element)) {
                    queued.remove();
                    return element;
                }
            }
            if (!readSome()) {
                throw new IOException("server closed the connection");
            }
        }
    }

    /** Everything the server sends within {@code millis}, for checking that something did not arrive. */
    public List<XmlElement> drain(int millis) throws Exception {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            while (readSome()) {
                // collect until the server has been quiet for the whole timeout, or closed the connection
            }
        } catch (SocketTimeoutException e) {
            // quiet: everything sent so far was read
        } finally {
            socket.setSoTimeout(timeout);
        }
        List<XmlElement> drained = List.copyOf(received);
        received.clear();
        return drained;
    }

    /** Upgrades with STARTTLS (RFC 6120 §5) and returns the features of the restarted stream. */
    public XmlElement startTls(String domain) throws Exception {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        XmlElement proceed = next();
        if (!proceed.name().equals("proceed")) {
            throw new IOException("expected <proceed/>, got " + proceed);
        }
        socket = wrap(socket, domain);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        parser = newParser();
        return openStream(domain);
    }

    /** SASL PLAIN (RFC 4616); returns the server's answer ({@code success} or {@code failure}). */
    public XmlElement authenticatePlain(String username, String password) throws Exception {
        String response = Base64.getEncoder().encodeToString(("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + response + "</auth>");
        XmlElement answer = next();
        if (answer.name().equals("success")) {
            parser = newParser();
        }
        return answer;
    }

    /** STARTTLS, PLAIN, restart and bind: returns the bound full JID. */
    public String login(String domain, String username, String password, String resource) throws Exception {
        openStream(domain);
        startTls(domain);
        XmlElement answer = authenticatePlain(username, password);
        if (!answer.name().equals("success")) {
            throw new IOException("authentication failed: " + answer);
        }
        openStream(domain);
        send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        XmlElement bound = next();
        return bound.child("bind", "urn:ietf:params:xml:ns:xmpp-bind").orElseThrow()
                .childText("jid", "urn:ietf:params:xml:ns:xmpp-bind").orElseThrow();
    }

    /** Reads until the server closes the connection; true if it did within the socket timeout. */
    public boolean awaitClose() throws IOException {
        try {
            while (readSome()) {
                // keep collecting what the server sends before it closes
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** The name of the stream error condition the server sent, reading until it arrives. */
    public String streamErrorCondition() throws Exception {
        while (true) {
            XmlElement element = next();
            if (element.is("error", StreamHeader.STREAM_NAMESPACE)) {
                return element.firstChild("urn:ietf:params:xml:ns:xmpp-streams").orElseThrow().name();
            }
        }
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private boolean readSome() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            closedByServer = true;
            return false;
        }
        try {
            parser.feed(buffer, 0, n);
        } catch (StreamErrorException e) {
            throw new IOException("server sent malformed XML: " + e.getMessage(), e);
        }
        return true;
    }

    private XmppStreamParser newParser() {
        return new XmppStreamParser(GENEROUS, new StreamListener() {
            @Override
            public void streamOpened(StreamHeader h) {
                header = h;
            }

            @Override
            public void element(XmlElement element) {
                received.add(element);
            }

            @Override
            public void streamClosed() {
                closedByServer = true;
            }
        });
    }

    private static Socket wrap(Socket plain, String serverName) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new TrustAll()}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    /** Tests run against a freshly generated self-signed certificate. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
