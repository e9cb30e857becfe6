package dev.parley.server.config;

import dev.parley.xmpp.jid.Jid;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Value types for names: DNS domains, listener addresses and bare JIDs. */
final class NameTypes {
    private NameTypes() {
    }

    /** A DNS domain name (IDN allowed), returned in lower-case Unicode form. */
    record DomainName() implements ScalarType<String> {
        @Override
        public String parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            try {
                return DnsNames.normalize(text);
            } catch (IllegalArgumentException e) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text) + ": " + e.getMessage());
            }
        }

        @Override
        public String expected() {
            return "a DNS domain name";
        }

        @Override
        public String typeName() {
            return "DNS domain name";
        }

        @Override
        public String render(String value) {
            return YamlText.scalar(value);
        }
    }

    /** An address to bind: an IPv4 or IPv6 literal, or a host name. Nothing is resolved while reading. */
    record BindAddress() implements ScalarType<String> {
        private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

        @Override
        public String parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim().toLowerCase(Locale.ROOT);
            if (text.contains(":")) {
                // Restricted to hex digits, ':' and '.', InetAddress parses the literal and never asks DNS.
                if (IPV6_CHARACTERS.matcher(text).matches()) {
                    try {
                        InetAddress.getByName(text);
                        return text;
                    } catch (UnknownHostException e) {
                        // reported below
                    }
                }
                throw BadValue.expected(expected(), node);
            }
            if (DnsNames.isIpv4Literal(text)) {
                return text;
            }
            try {
                return DnsNames.toAscii(text);
            } catch (IllegalArgumentException e) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text) + ": " + e.getMessage());
            }
        }

        @Override
        public String expected() {
            return "an " + typeName();
        }

        @Override
        public String typeName() {
            return "IP address or host name";
        }

        @Override
        public String render(String value) {
            return YamlText.scalar(value);
        }
    }

    /** A bare JID {@code local@domain} (RFC 7622 §3), normalised by {@link Jid}. */
    record BareJid() implements ScalarType<String> {
        @Override
        public String parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            Jid jid;
            try {
                jid = Jid.parse(text);
            } catch (IllegalArgumentException e) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text) + ": " + e.getMessage());
            }
            if (jid.local() == null || !jid.isBare()) {
                throw BadValue.expected(expected(), node);
            }
            return jid.toString();
        }

        @Override
        public String expected() {
            return "a " + typeName();
        }

        @Override
        public String typeName() {
            return "bare JID (local@domain)";
        }

        @Override
        public String render(String value) {
            return YamlText.scalar(value);
        }
    }
}
