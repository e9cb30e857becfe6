package dev.parley.server.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        JsonNode answer = send(HttpRequest.newBuilder(uri("/api/commands/" + command))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))));
        return CommandJson.result(answer);
    }

    /**
     * The server's commands.
     *
     * @throws IOException when the interface cannot be reached or does not answer as an admin interface should
     */
    public List<CommandDescription> commands() throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(uri("/api/commands")).GET());
        List<CommandDescription> commands = new ArrayList<>();
        for (JsonNode command : answer.path("commands")) {
            commands.add(CommandJson.description(command));
        }
        return commands;
    }

    /** The answer to a successful request, or the refusal it reports as an exception. */
    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            response = client.send(request.timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + endpoint.token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        JsonNode answer = parse(response);
        if (response.statusCode() == 200) {
            return answer;
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

    private URI uri(String path) {
        URI base = endpoint.uri();
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
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
