package dev.parley.server.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/** What a route answers: a status and a JSON object; failures carry {@code {"error": message}}. */
record ApiResponse(HttpResponseStatus status, ObjectNode body) {
    static ApiResponse ok(ObjectNode body) {
        return new ApiResponse(HttpResponseStatus.OK, body);
    }

    static ApiResponse error(HttpResponseStatus status, String message) {
        return new ApiResponse(status, Json.MAPPER.createObjectNode().put("error", message));
    }
}
