package dev.parley.xmpp.sasl;

import java.util.Objects;

/**
 * Channel-binding data the TLS layer offers (RFC 5929 {@code tls-server-end-point}, RFC 9266 {@code tls-exporter}).
 * The stream passes the bindings of its TLS session to the mechanism factory; -PLUS mechanisms verify against them.
 */
public record ChannelBinding(String type, byte[] data) {
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";
    public static final String TLS_EXPORTER = "tls-exporter";

    public ChannelBinding {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
