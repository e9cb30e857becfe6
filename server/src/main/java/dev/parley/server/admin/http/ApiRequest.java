package dev.parley.server.admin.http;

import java.util.Map;

/**
 * A request as a route sees it, detached from Netty's reference-counted buffers so it can outlive the event loop turn
 * that read it.
 *
 * @param pathParameters the values of the route template's {@code {name}} segments
 * @param contentType    the {@code Content-Type} header, or null
 * @param body           the whole body, at most {@link AdminHttpServer#MAX_BODY_BYTES}
 */
record ApiRequest(Map<String, String> pathParameters, String contentType, byte[] body) {
}
