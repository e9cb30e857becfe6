package dev.parley.xmpp.sasl;

/**
 * Internal signal that an exchange must end with a {@code <failure/>}. The mechanisms catch it at their public
 * entry points and turn it into {@link SaslStep.Failed}, so it never escapes the package.
 */
final class SaslRejection extends Exception {
    private final SaslFailure failure;

    SaslRejection(SaslFailure failure, String text) {
        super(text, null, false, false);
        this.failure = failure;
    }

    static SaslRejection malformed(String text) {
        return new SaslRejection(SaslFailure.MALFORMED_REQUEST, text);
    }

    static SaslRejection notAuthorized(String text) {
        return new SaslRejection(SaslFailure.NOT_AUTHORIZED, text);
    }

    SaslStep.Failed toStep() {
        return new SaslStep.Failed(failure, getMessage());
    }
}
