package dev.parley.server.admin.http;

import io.netty.handler.codec.http.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * The admin interface's route table. A route is a method, a path template whose {@code {name}} segments match any one
 * segment, the permission it needs, and its action. Templates are matched on {@link CanonicalPath canonical} segments.
 */
final class Routes {
    /** Runs a route; never blocks, and reports failures as error responses rather than failed stages. */
    @FunctionalInterface
    interface Action {
        CompletionStage<ApiResponse> handle(ApiRequest request);
    }

    record Route(HttpMethod method, List<String> template, Permission permission, Action action) {
    }

    /** The outcome of matching a request against the table. */
    sealed interface Resolution {
    }

    record Found(Route route, Map<String, String> pathParameters) implements Resolution {
    }

    record MethodNotAllowed(Set<String> allowed) implements Resolution {
    }

    record NotFound() implements Resolution {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route, e.g. {@code add(POST, "/api/commands/{name}", ADMINISTER, action)}. */
    Routes add(HttpMethod method, String template, Permission permission, Action action) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        routes.add(new Route(method, List.of(template.substring(1).split("/")), permission, action));
        return this;
    }

    Resolution resolve(HttpMethod method, List<String> segments) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = match(route.template(), segments);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, parameters);
            }
            allowed.add(route.method().name());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    /** The template's parameters bound to the segments, or null when they do not match. */
    private static Map<String, String> match(List<String> template, List<String> segments) {
        if (template.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return parameters;
    }
}
