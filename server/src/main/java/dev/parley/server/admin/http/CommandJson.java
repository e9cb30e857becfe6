package dev.parley.server.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.admin.AdminField;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the admin interface, written by the server and read back by {@link AdminHttpClient}. A command is
 * {@code {"name", "title", "fields": [field], "results": [field]}}, a field {@code {"var", "label", "type",
 * "required"}} plus {@code "options"} for a list field; a result is {@code {"message", "values"}}, where a
 * multi-valued result field is an array of strings and any other a string.
 */
final class CommandJson {
    private CommandJson() {
    }

    static void describe(CommandDescription command, ObjectNode into) {
        into.put("name", command.name()).put("title", command.title());
        describe(command.fields(), into.putArray("fields"));
        describe(command.results(), into.putArray("results"));
    }

    static CommandDescription description(JsonNode command) throws IOException {
        return new CommandDescription(command.path("name").asText(), command.path("title").asText(),
                fields(command.path("fields")), fields(command.path("results")));
    }

    static ObjectNode result(CommandDescription command, AdminResult result) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("message", result.message());
        ObjectNode values = body.putObject("values");
        result.values().forEach((var, list) -> {
            boolean multi = command.results().stream()
                    .anyMatch(field -> field.var().equals(var) && field.type().multiValued());
            if (multi) {
                list.forEach(values.putArray(var)::add);
            } else if (!list.isEmpty()) {
                values.put(var, list.get(0));
            }
        });
        return body;
    }

    static AdminResult result(JsonNode answer) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        answer.path("values").properties().forEach(entry -> {
            List<String> list = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(element -> list.add(element.asText()));
            } else {
                list.add(entry.getValue().asText());
            }
            values.put(entry.getKey(), list);
        });
        return new AdminResult(answer.path("message").asText(), values);
    }

    private static void describe(List<AdminField> fields, ArrayNode into) {
        for (AdminField field : fields) {
            ObjectNode entry = into.addObject().put("var", field.var()).put("label", field.label())
                    .put("type", field.type().formType()).put("required", field.required());
            if (!field.options().isEmpty()) {
                field.options().forEach(entry.putArray("options")::add);
            }
        }
    }

    private static List<AdminField> fields(JsonNode fields) throws IOException {
        List<AdminField> parsed = new ArrayList<>();
        for (JsonNode field : fields) {
            String type = field.path("type").asText();
            List<String> options = new ArrayList<>();
            field.path("options").forEach(option -> options.add(option.asText()));
            parsed.add(new AdminField(field.path("var").asText(), field.path("label").asText(),
                    AdminField.Type.fromFormType(type).orElseThrow(() -> new IOException("unknown field type " + type)),
                    field.path("required").asBoolean(), options));
        }
        return parsed;
    }
}
