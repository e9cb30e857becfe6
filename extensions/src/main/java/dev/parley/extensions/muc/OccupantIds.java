package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * XEP-0421 occupant ids: the same user gets the same id in a room every time, other rooms cannot correlate it, and
 * nobody can derive the real JID from it (§4: an HMAC of room and user under a service secret).
 */
final class OccupantIds {
    private final SecretKeySpec key;

    OccupantIds(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    static OccupantIds random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new OccupantIds(secret);
    }

    String of(Jid room, Jid user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((room.bare() + "\u0000" + user.bare()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
