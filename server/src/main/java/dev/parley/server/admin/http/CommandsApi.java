package dev.parley.server.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminCommands;
import dev.parley.server.admin.AdminField;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The {@link AdminCommands} over HTTP: {@code GET /api/commands} lists them with their fields, and
 * {@code POST /api/commands/{name}} runs one with a JSON object of field values (a string, or an array of strings for
 * the multi-valued fields), answering {@code {"message", "values"}} or {@code {"error"}}; {@link CommandJson} has the
 * shapes.
 */
final class CommandsApi {
    private static final Logger log = LoggerFactory.getLogger(CommandsApi.class);

    private final AdminCommands commands;

    CommandsApi(AdminCommands commands) {
        this.commands = commands;
    }

    void register(Routes routes) {
        routes.add(HttpMethod.GET, "/api/commands", Permission.VIEW, request -> CompletableFuture.completedFuture(list()))
                .add(HttpMethod.POST, "/api/commands/{name}", Permission.ADMINISTER, this::run);
    }

    private ApiResponse list() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("commands");
        for (AdminCommand command : commands.all()) {
            CommandJson.describe(CommandDescription.of(command), list.addObject());
        }
        return ApiResponse.ok(body);
    }

    private CompletionStage<ApiResponse> run(ApiRequest request) {
        String name = request.pathParameters().get("name");
        Optional<AdminCommand> found = commands.command(name);
        if (found.isEmpty()) {
            return completed(ApiResponse.error(HttpResponseStatus.NOT_FOUND, "No command " + name));
        }
        if (!isJson(request.contentType())) {
            return completed(ApiResponse.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be application/json"));
        }
        AdminCommand command = found.get();
        AdminArguments arguments;
        try {
            arguments = arguments(command, request.body());
        } catch (AdminCommandException e) {
            return completed(ApiResponse.error(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
        }
        CompletionStage<AdminResult> result;
        try {
            result = command.execute(arguments);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((done, failure) -> failure == null
                ? ApiResponse.ok(CommandJson.result(CommandDescription.of(command), done)) : failure(command, failure));
    }

    /** The body's field values, checked against the command's fields so a misspelt field is reported, not ignored. */
    private static AdminArguments arguments(AdminCommand command, byte[] body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token, which may be a password.
            JsonLocation at = e.getLocation();
            throw badRequest("The body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw badRequest("The body cannot be read");
        }
        if (json == null || !json.isObject()) {
            throw badRequest("The body must be a JSON object of field values");
        }
        Map<String, AdminField> fields = new LinkedHashMap<>();
        command.fields().forEach(field -> fields.put(field.var(), field));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            AdminField field = fields.get(entry.getKey());
            if (field == null) {
                throw badRequest("'" + entry.getKey() + "' is not a field of " + command.name() + "; its fields are "
                        + fields.keySet());
            }
            values.put(field.var(), values(field, entry.getValue()));
        }
        return new AdminArguments(values);
    }

    private static List<String> values(AdminField field, JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value.isBoolean() && field.type() == AdminField.Type.BOOLEAN) {
            return List.of(Boolean.toString(value.booleanValue()));
        }
        if (value.isArray()) {
            if (!field.type().multiValued() && value.size() > 1) {
                throw badRequest("'" + field.var() + "' takes one value");
            }
            List<String> values = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw badRequest("'" + field.var() + "' must hold strings only");
                }
                values.add(element.textValue());
            }
            return values;
        }
        throw badRequest("'" + field.var() + "' must be a string" + (field.type() == AdminField.Type.BOOLEAN
                ? " or a boolean" : " or an array of strings"));
    }

    private static ApiResponse failure(AdminCommand command, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AdminCommandException refused) {
            return ApiResponse.error(status(refused.reason()), refused.getMessage());
        }
        // Arguments are not logged: they may hold passwords.
        log.error("Admin command {} failed", command.name(), cause);
        return ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "The command failed on the server; its log has the details");
    }

    /** The HTTP status for each reason; {@link #reason(int)} is its inverse. */
    static HttpResponseStatus status(AdminCommandException.Reason reason) {
        return switch (reason) {
            case BAD_REQUEST -> HttpResponseStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case CONFLICT -> HttpResponseStatus.CONFLICT;
            case FORBIDDEN -> HttpResponseStatus.FORBIDDEN;
        };
    }

    /** The reason a command refused, from the status of its error response; empty for other statuses. */
    static Optional<AdminCommandException.Reason> reason(int status) {
        for (AdminCommandException.Reason reason : AdminCommandException.Reason.values()) {
            if (status(reason).code() == status) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.equalsIgnoreCase("application/json");
    }

    private static AdminCommandException badRequest(String message) {
        return new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, message);
    }

    private static CompletionStage<ApiResponse> completed(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
