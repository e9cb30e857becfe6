package dev.parley.server.config;

/**
 * Account registration settings.
 *
 * @param inBand            whether clients may create accounts over XMPP (XEP-0077)
 * @param minPasswordLength fewest characters a new password may have
 */
public record Registration(boolean inBand, int minPasswordLength) {
}
