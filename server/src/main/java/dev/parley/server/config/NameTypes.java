package dev.parley.server.config;

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

    /**
     * A bare JID {@code local@domain} (RFC 7622 §3), checked for shape only: a non-empty localpart of at most 1023
     * bytes without the characters RFC 7622 §3.3.1 forbids, and a valid domain. Full PRECIS enforcement is the JID
     * class's job.
     */
    record BareJid() implements ScalarType<String> {
        private static final int MAX_LOCALPART_BYTES = 1023;
        private static final Pattern FORBIDDEN_IN_LOCALPART = Pattern.compile("[\"&'/:<>@\\s\\p{Cntrl}]");

        @Override
        public String parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            int at = text.indexOf('@');
            if (at <= 0 || text.indexOf('/') >= 0) {
                throw BadValue.expected(expected(), node);
            }
            String local = text.substring(0, at);
            if (FORBIDDEN_IN_LOCALPART.matcher(local).find()
                    || local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCALPART_BYTES) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text)
                        + ": the localpart may not contain spaces or any of \" & ' / : < > @");
            }
            try {
                return local + "@" + DnsNames.normalize(text.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text) + ": the domain: "
                        + e.getMessage());
            }
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
