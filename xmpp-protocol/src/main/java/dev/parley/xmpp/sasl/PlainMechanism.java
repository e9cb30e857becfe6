package dev.parley.xmpp.sasl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Server side of PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}. The password is prepared with
 * the PRECIS OpaqueString profile (RFC 8265 §4.2) and checked against the account's stored SCRAM credential
 * (SHA-256 preferred), so cleartext passwords are never stored. Only offer PLAIN over TLS (RFC 6120 §6.4.1 warns of
 * cleartext mechanisms), see {@link SaslMechanisms}.
 *
 * <p>{@link #credentials} runs Hi over the stored iteration count, i.e. thousands of HMACs: call it off any event
 * loop. Unknown accounts cost the same work, against {@link DecoyCredentials}, and get the same failure.
 */
public final class PlainMechanism implements SaslMechanism {
    public static final String NAME = "PLAIN";
    /** Which stored hash to verify against, best first. */
    private static final List<ScramAlgorithm> VERIFY_ORDER =
            List.of(ScramAlgorithm.SHA_256, ScramAlgorithm.SHA_512, ScramAlgorithm.SHA_1);

    private enum State { START, AWAIT_RESPONSE, AWAIT_CREDENTIALS, DONE }

    private final SaslSettings settings;
    private State state = State.START;
    private String username;
    private String password;

    public PlainMechanism() {
        this(SaslSettings.defaults());
    }

    public PlainMechanism(SaslSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        try {
            return switch (state) {
                case START -> {
                    if (response == null || response.length == 0) {
                        state = State.AWAIT_RESPONSE;
                        yield new SaslStep.Challenge(new byte[0]);
                    }
                    yield message(response);
                }
                case AWAIT_RESPONSE -> message(response);
                case AWAIT_CREDENTIALS, DONE -> throw SaslRejection.malformed("unexpected response");
            };
        } catch (SaslRejection rejection) {
            state = State.DONE;
            return rejection.toStep();
        }
    }

    @Override
    public SaslStep credentials(StoredCredential stored) {
        if (state != State.AWAIT_CREDENTIALS) {
            state = State.DONE;
            return SaslRejection.malformed("unexpected credentials").toStep();
        }
        state = State.DONE;
        ScramCredential real = stored == null ? null : VERIFY_ORDER.stream()
                .flatMap(algorithm -> stored.forAlgorithm(algorithm).stream())
                .findFirst()
                .orElse(null);
        ScramCredential checked = real != null ? real : settings.decoys().forUser(ScramAlgorithm.SHA_256, username);
        boolean matches = ScramCredentials.matches(password, checked);
        password = null;
        if (real == null || !matches) {
            return SaslRejection.notAuthorized("wrong username or password").toStep();
        }
        return new SaslStep.Success(username, new byte[0]);
    }

    private SaslStep message(byte[] response) throws SaslRejection {
        if (response == null) {
            throw SaslRejection.malformed("missing PLAIN message");
        }
        int first = indexOfNul(response, 0);
        int second = first < 0 ? -1 : indexOfNul(response, first + 1);
        if (second < 0 || indexOfNul(response, second + 1) >= 0) {
            throw SaslRejection.malformed("PLAIN message needs exactly two NUL separators");
        }
        String authzid = SaslIdentities.utf8(Arrays.copyOfRange(response, 0, first));
        String authcid = SaslIdentities.utf8(Arrays.copyOfRange(response, first + 1, second));
        String passwd = SaslIdentities.utf8(Arrays.copyOfRange(response, second + 1, response.length));
        if (authcid.isEmpty() || passwd.isEmpty()) {
            throw SaslRejection.malformed("empty authcid or passwd");
        }
        username = SaslIdentities.username(authcid)
                .orElseThrow(() -> SaslRejection.notAuthorized("wrong username or password"));
        if (!authzid.isEmpty() && !SaslIdentities.authzidAllowed(authzid, username, settings.domain())) {
            throw new SaslRejection(SaslFailure.INVALID_AUTHZID, "authzid must be the authenticating user");
        }
        password = passwd;
        state = State.AWAIT_CREDENTIALS;
        return new SaslStep.NeedCredentials(username);
    }

    private static int indexOfNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
