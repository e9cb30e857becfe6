package dev.parley.xmpp.sasl;

/** The hash functions Parley offers for SCRAM (RFC 5802, RFC 7677) and stores salted keys for. */
public enum ScramAlgorithm {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", 32),
    SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512", 64);

    private final String mechanismName;
    private final String digestName;
    private final String hmacName;
    private final int hashLength;

    ScramAlgorithm(String mechanismName, String digestName, String hmacName, int hashLength) {
        this.mechanismName = mechanismName;
        this.digestName = digestName;
        this.hmacName = hmacName;
        this.hashLength = hashLength;
    }

    public String mechanismName() {
        return mechanismName;
    }

    public String plusMechanismName() {
        return mechanismName + "-PLUS";
    }

    /** JCA MessageDigest name. */
    public String digestName() {
        return digestName;
    }

    /** JCA Mac name. */
    public String hmacName() {
        return hmacName;
    }

    public int hashLength() {
        return hashLength;
    }
}
