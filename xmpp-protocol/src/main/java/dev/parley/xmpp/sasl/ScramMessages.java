package dev.parley.xmpp.sasl;

import java.util.Base64;

/**
 * Parses the two client messages of SCRAM (RFC 5802 §7 ABNF, GS2 header of RFC 5801 §4) strictly: anything that does
 * not match the grammar is a {@code malformed-request}. Unknown extension attributes are ignored as §7 requires; the
 * mandatory-extension attribute {@code m=} is refused because Parley supports none (§5.1).
 */
final class ScramMessages {
    /** The GS2 channel-binding flag (RFC 5802 §6, RFC 5801 §4). */
    enum CbindFlag {
        /** {@code n}: the client does not support channel binding. */
        CLIENT_UNSUPPORTED,
        /** {@code y}: the client supports it but believes the server does not. */
        SERVER_ASSUMED_UNSUPPORTED,
        /** {@code p=<type>}: the client uses channel binding of that type. */
        USED
    }

    /**
     * client-first-message. {@code cbType} is set only for {@link CbindFlag#USED}; {@code authzid} is null when
     * absent; {@code username} is the decoded saslname, not yet normalised.
     */
    record ClientFirst(String gs2Header, CbindFlag flag, String cbType, String authzid, String username, String nonce,
                       String bare) {
    }

    /** client-final-message; {@code withoutProof} is client-final-message-without-proof, part of AuthMessage. */
    record ClientFinal(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {
    }

    private ScramMessages() {
    }

    static ClientFirst parseClientFirst(String message) throws SaslRejection {
        int flagEnd = message.indexOf(',');
        int authzidEnd = flagEnd < 0 ? -1 : message.indexOf(',', flagEnd + 1);
        if (authzidEnd < 0) {
            throw SaslRejection.malformed("missing gs2-header");
        }
        String flagField = message.substring(0, flagEnd);
        CbindFlag flag;
        String cbType = null;
        if (flagField.equals("n")) {
            flag = CbindFlag.CLIENT_UNSUPPORTED;
        } else if (flagField.equals("y")) {
            flag = CbindFlag.SERVER_ASSUMED_UNSUPPORTED;
        } else if (flagField.startsWith("p=") && isCbName(flagField.substring(2))) {
            flag = CbindFlag.USED;
            cbType = flagField.substring(2);
        } else {
            throw SaslRejection.malformed("invalid gs2-cbind-flag");
        }
        String authzidField = message.substring(flagEnd + 1, authzidEnd);
        String authzid = null;
        if (!authzidField.isEmpty()) {
            if (!authzidField.startsWith("a=")) {
                throw SaslRejection.malformed("invalid authzid");
            }
            authzid = saslname(authzidField.substring(2));
        }
        String bare = message.substring(authzidEnd + 1);
        String[] attributes = bare.split(",", -1);
        if (attributes[0].startsWith("m=")) {
            throw SaslRejection.malformed("extensions-not-supported");
        }
        if (attributes.length < 2) {
            throw SaslRejection.malformed("client-first-message too short");
        }
        String username = saslname(value(attributes[0], "n="));
        String nonce = nonce(value(attributes[1], "r="));
        checkExtensions(attributes, 2, attributes.length);
        return new ClientFirst(message.substring(0, authzidEnd + 1), flag, cbType, authzid, username, nonce, bare);
    }

    static ClientFinal parseClientFinal(String message) throws SaslRejection {
        int proofStart = message.lastIndexOf(',');
        if (proofStart < 0) {
            throw SaslRejection.malformed("client-final-message too short");
        }
        String withoutProof = message.substring(0, proofStart);
        byte[] proof = base64(value(message.substring(proofStart + 1), "p="));
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2) {
            throw SaslRejection.malformed("client-final-message too short");
        }
        byte[] channelBinding = base64(value(attributes[0], "c="));
        String nonce = nonce(value(attributes[1], "r="));
        checkExtensions(attributes, 2, attributes.length);
        return new ClientFinal(channelBinding, nonce, proof, withoutProof);
    }

    /** Decodes saslname (RFC 5802 §5.1): "=2C" is ',', "=3D" is '=', any other '=' is an error. */
    static String saslname(String encoded) throws SaslRejection {
        if (encoded.isEmpty()) {
            throw SaslRejection.malformed("empty saslname");
        }
        StringBuilder decoded = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                decoded.append(c);
            } else if (encoded.startsWith("2C", i + 1)) {
                decoded.append(',');
                i += 2;
            } else if (encoded.startsWith("3D", i + 1)) {
                decoded.append('=');
                i += 2;
            } else {
                throw SaslRejection.malformed("invalid-username-encoding");
            }
        }
        return decoded.toString();
    }

    private static String value(String attribute, String prefix) throws SaslRejection {
        if (!attribute.startsWith(prefix)) {
            throw SaslRejection.malformed("expected attribute " + prefix);
        }
        return attribute.substring(prefix.length());
    }

    /** nonce value: 1*printable, printable = %x21-2B / %x2D-7E. The ',' cannot occur after splitting. */
    private static String nonce(String value) throws SaslRejection {
        if (value.isEmpty()) {
            throw SaslRejection.malformed("empty nonce");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw SaslRejection.malformed("invalid nonce character");
            }
        }
        return value;
    }

    /** extensions = attr-val *("," attr-val); attr-val = ALPHA "=" value; value = 1*value-char. */
    private static void checkExtensions(String[] attributes, int from, int to) throws SaslRejection {
        for (int i = from; i < to; i++) {
            String attribute = attributes[i];
            if (attribute.length() < 3 || !isAlpha(attribute.charAt(0)) || attribute.charAt(1) != '=') {
                throw SaslRejection.malformed("invalid attribute");
            }
        }
    }

    private static byte[] base64(String value) throws SaslRejection {
        if (value.isEmpty()) {
            throw SaslRejection.malformed("empty base64 value");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw SaslRejection.malformed("invalid base64");
        }
    }

    /** cb-name = 1*(ALPHA / DIGIT / "." / "-") (RFC 5802 §7). */
    private static boolean isCbName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
