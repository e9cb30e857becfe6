package dev.parley.extensions.muc;

import dev.parley.server.api.SecretFiles;
import dev.parley.xmpp.jid.Jid;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * XEP-0421 occupant ids: the same user gets the same id in a room every time, other rooms cannot correlate it, and
 * nobody can derive the real JID from it (§4: an HMAC of room and user under a service secret). The secret lives in
 * {@code <data-dir>/muc-occupant-ids.key}, so ids stay the same across restarts as §4 asks; losing the file changes
 * every id once.
 */
final class OccupantIds {
    static final String KEY_FILE = "muc-occupant-ids.key";
    private static final int SECRET_BYTES = 32;

    private final SecretKeySpec key;

    OccupantIds(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The ids of the server whose data directory is {@code dataDir}: its secret is read, or made on first use. */
    static OccupantIds open(Path dataDir) throws IOException {
        return new OccupantIds(SecretFiles.readOrCreate(dataDir, KEY_FILE, SECRET_BYTES));
    }

    String of(Jid room, Jid user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((room.bare() + "\u0000" + user.bare()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
