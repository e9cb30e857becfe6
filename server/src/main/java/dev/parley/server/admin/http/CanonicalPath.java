package dev.parley.server.admin.http;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decoded segments of a request path, accepted only in canonical form (RFC 3986 §3.3): origin-form, no empty,
 * {@code .} or {@code ..} segments (written plainly or percent-encoded), no control characters or backslashes. Routes
 * and their permissions are matched on these segments, so no spelling of a path can reach a route another spelling
 * would be refused.
 */
final class CanonicalPath {
    private CanonicalPath() {
    }

    /** The segments of {@code requestUri}'s path, or empty when the path is not canonical. */
    static Optional<List<String>> segments(String requestUri) {
        String rawPath = new QueryStringDecoder(requestUri).rawPath();
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        if (rawPath.equals("/")) {
            return Optional.of(List.of());
        }
        for (String raw : rawPath.substring(1).split("/", -1)) {
            Optional<String> segment = decode(raw);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            segments.add(segment.get());
        }
        return Optional.of(List.copyOf(segments));
    }

    private static Optional<String> decode(String raw) {
        String decoded;
        try {
            // A '+' is itself in a path; only a query turns it into a space.
            decoded = QueryStringDecoder.decodeComponent(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..") || decoded.indexOf('\\') >= 0
                || decoded.indexOf('\uFFFD') >= 0 || decoded.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(decoded);
    }
}
