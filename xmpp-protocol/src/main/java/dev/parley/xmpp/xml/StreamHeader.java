package dev.parley.xmpp.xml;

/**
 * The attributes of a stream root element (RFC 6120 §4.7): {@code <stream:stream xmlns='jabber:client' ...>}.
 *
 * @param contentNamespace the default namespace declared on the root ({@code jabber:client}, {@code jabber:server}),
 *                         or the empty string when the root declares none
 * @param to, from, id, version, lang the attributes as sent, or null when absent ({@code lang} is {@code xml:lang})
 */
public record StreamHeader(String contentNamespace, String to, String from, String id, String version, String lang) {
    public static final String STREAM_NAMESPACE = "http://etherx.jabber.org/streams";
}
