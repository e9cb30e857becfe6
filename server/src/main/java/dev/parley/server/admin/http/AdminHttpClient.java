package dev.parley.server.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminResult;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs admin commands on a running server through its admin interface, for local tools such as the CLI. Blocking: a
 * tool's main thread calls it, never an event loop.
 */
public final class AdminHttpClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final AdminEndpoint endpoint;

    public AdminHttpClient(AdminEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Runs {@code command} with {@code arguments}.
     *
     * @throws AdminCommandException when the command refused, as it would have locally
     * @throws IOException           when the interface cannot be reached or does not answer as an admin interface should
     */
    public AdminResult run(String command, AdminArguments arguments) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        arguments.values().forEach((var, values) -> values.forEach(body.putArray(var)::add));
        HttpRequest request = HttpRequest.newBuilder(commandUri(command))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + endpoint.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        JsonNode answer = parse(response);
        if (response.statusCode() == 200) {
            Map<String, String> values = new LinkedHashMap<>();
            answer.path("values").properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
            return new AdminResult(answer.path("message").asText(), values);
        }
        String error = answer.path("error").asText("HTTP status " + response.statusCode());
        if (response.statusCode() == 401) {
            throw new IOException("the admin interface at " + endpoint.uri() + " refused the token: " + error);
        }
        Optional<AdminCommandException.Reason> reason = CommandsApi.reason(response.statusCode());
        if (reason.isPresent()) {
            throw new AdminCommandException(reason.get(), error);
        }
        throw new IOException("the admin interface at " + endpoint.uri() + " answered " + response.statusCode()
                + ": " + error);
    }

    private URI commandUri(String command) {
        URI base = endpoint.uri();
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), "/api/commands/" + command, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a command name: " + command, e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) throws IOException {
        try {
            JsonNode answer = Json.MAPPER.readTree(response.body());
            if (answer != null && answer.isObject()) {
                return answer;
            }
        } catch (JsonProcessingException e) {
            // Reported below, without the body: it is not ours.
        }
        throw new IOException("the admin interface at " + endpoint.uri() + " answered " + response.statusCode()
                + " without a JSON object");
    }
}
