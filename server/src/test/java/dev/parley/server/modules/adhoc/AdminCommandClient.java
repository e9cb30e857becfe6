package dev.parley.server.modules.adhoc;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs XEP-0133 commands over XEP-0050 from a logged-in {@link RawXmppClient}, the way an admin's client does: execute,
 * then submit the form when the command has one. Elements that arrive while it waits for a reply are kept.
 */
final class AdminCommandClient {
    static final String COMMANDS = "http://jabber.org/protocol/commands";
    static final String DATA = "jabber:x:data";
    static final String NODE_PREFIX = "http://jabber.org/protocol/admin#";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final RawXmppClient client;
    private final List<XmlElement> other = new ArrayList<>();
    private int ids;

    AdminCommandClient(RawXmppClient client) {
        this.client = client;
    }

    /** Logs in on {@code server} as {@code user} (password {@code user-password}) with resource {@code resource}. */
    static RawXmppClient login(TestServer server, String user, String resource) throws Exception {
        RawXmppClient client = RawXmppClient.connect(server.c2sPort());
        client.login(TestServer.DOMAIN, user, user + "-password", resource);
        return client;
    }

    /** The reply to the first request: the form to fill in, a completion, or an error. */
    XmlElement execute(String command) throws Exception {
        return request("<command xmlns='" + COMMANDS + "' node='" + NODE_PREFIX + command + "' action='execute'/>");
    }

    /** The reply to submitting {@code fields} in the session {@code execute} opened. */
    XmlElement submit(String command, String sessionId, Map<String, List<String>> fields) throws Exception {
        StringBuilder form = new StringBuilder("<x xmlns='" + DATA + "' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/admin</value></field>");
        fields.forEach((var, values) -> {
            form.append("<field var='").append(var).append("'>");
            values.forEach(value -> form.append("<value>").append(escape(value)).append("</value>"));
            form.append("</field>");
        });
        form.append("</x>");
        return request("<command xmlns='" + COMMANDS + "' node='" + NODE_PREFIX + command + "' sessionid='" + sessionId
                + "'>" + form + "</command>");
    }

    /** Executes and, when a form comes back, submits {@code fields}: the final reply. */
    XmlElement run(String command, Map<String, List<String>> fields) throws Exception {
        XmlElement first = execute(command);
        XmlElement stage = commandOf(first);
        if (stage == null || !"executing".equals(stage.attribute("status"))) {
            return first;
        }
        return submit(command, stage.attribute("sessionid"), fields);
    }

    /** What arrived while waiting for replies, in order, and what arrives next until {@code count} are there. */
    List<XmlElement> other(int count) throws Exception {
        while (other.size() < count) {
            other.add(client.next());
        }
        return other;
    }

    static XmlElement commandOf(XmlElement reply) {
        return reply.child("command", COMMANDS).orElse(null);
    }

    static String status(XmlElement reply) {
        return commandOf(reply).attribute("status");
    }

    /** The values of a field of the command's data form. */
    static List<String> values(XmlElement reply, String var) {
        XmlElement form = commandOf(reply).child("x", DATA).orElseThrow();
        return form.elements("field", DATA).filter(field -> var.equals(field.attribute("var"))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + var + " in " + form))
                .elements("value", DATA).map(XmlElement::text).toList();
    }

    static XmlElement field(XmlElement reply, String var) {
        return commandOf(reply).child("x", DATA).orElseThrow().elements("field", DATA)
                .filter(field -> var.equals(field.attribute("var"))).findFirst().orElseThrow();
    }

    static String errorCondition(XmlElement reply) {
        if (!"error".equals(reply.attribute("type"))) {
            throw new AssertionError("not an error: " + reply);
        }
        return reply.child("error", "jabber:client").orElseThrow().firstChild(STANZAS).orElseThrow().name();
    }

    private XmlElement request(String payload) throws Exception {
        String id = "admin-" + ++ids;
        client.send("<iq type='set' id='" + id + "' to='" + TestServer.DOMAIN + "'>" + payload + "</iq>");
        while (true) {
            XmlElement element = client.next();
            if (element.name().equals("iq") && id.equals(element.attribute("id"))) {
                return element;
            }
            other.add(element);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
