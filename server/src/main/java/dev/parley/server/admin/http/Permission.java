package dev.parley.server.admin.http;

/**
 * What a route of the admin interface lets its caller do. Every route declares one; a request reaches the route only
 * when its credentials grant it.
 */
enum Permission {
    /** Read what the server offers, changing nothing. */
    VIEW,
    /** Run admin commands, which change accounts and sessions. */
    ADMINISTER
}
