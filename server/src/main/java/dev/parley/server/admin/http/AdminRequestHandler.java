package dev.parley.server.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One connection to the admin interface. Each request is authenticated (RFC 6750 bearer token, compared in constant
 * time), matched on its canonical path, checked against the route's permission, and run. Routes complete
 * asynchronously, yet responses leave in request order as RFC 9112 §9.3.2 requires of pipelined requests; reading
 * pauses while a response is pending, so a client cannot queue up work.
 */
final class AdminRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(AdminRequestHandler.class);
    private static final String BEARER = "Bearer ";

    private final Routes routes;
    private final byte[] token;
    private final Set<Permission> granted;
    /** The last response written or waiting to be; touched on the event loop only. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    private int pending;

    AdminRequestHandler(Routes routes, String token, Set<Permission> granted) {
        this.routes = routes;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.granted = Set.copyOf(granted);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = request.decoderResult().isSuccess() && HttpUtil.isKeepAlive(request);
        CompletionStage<FullHttpResponse> response = respond(request);
        if (pending++ == 0) {
            ctx.channel().config().setAutoRead(false);
        }
        lastWrite = lastWrite.thenCombine(response, (previousWritten, next) -> next)
                .thenCompose(next -> write(ctx, next, keepAlive));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Admin connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    /** The response to one request; never throws and never fails. */
    private CompletionStage<FullHttpResponse> respond(FullHttpRequest request) {
        try {
            if (!request.decoderResult().isSuccess()) {
                return completed(ApiResponse.error(HttpResponseStatus.BAD_REQUEST, "Malformed request"));
            }
            if (!authenticated(request.headers())) {
                FullHttpResponse refused = http(ApiResponse.error(HttpResponseStatus.UNAUTHORIZED,
                        "A valid 'Authorization: Bearer' token is required"));
                refused.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"parley-admin\"");
                return CompletableFuture.completedFuture(refused);
            }
            Optional<List<String>> segments = CanonicalPath.segments(request.uri());
            if (segments.isEmpty()) {
                return completed(ApiResponse.error(HttpResponseStatus.BAD_REQUEST, "The path is not canonical"));
            }
            return switch (routes.resolve(request.method(), segments.get())) {
                case Routes.NotFound notFound ->
                        completed(ApiResponse.error(HttpResponseStatus.NOT_FOUND, "No such resource"));
                case Routes.MethodNotAllowed notAllowed -> {
                    FullHttpResponse refused = http(ApiResponse.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                            "Allowed methods: " + String.join(", ", notAllowed.allowed())));
                    refused.headers().set(HttpHeaderNames.ALLOW, String.join(", ", notAllowed.allowed()));
                    yield CompletableFuture.completedFuture(refused);
                }
                case Routes.Found found -> run(found, request);
            };
        } catch (RuntimeException e) {
            log.error("Admin request {} {} failed", request.method(), request.uri(), e);
            return completed(ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error"));
        }
    }

    private CompletionStage<FullHttpResponse> run(Routes.Found found, FullHttpRequest request) {
        if (!granted.contains(found.route().permission())) {
            return completed(ApiResponse.error(HttpResponseStatus.FORBIDDEN, "This token does not grant "
                    + found.route().permission()));
        }
        // The body is copied out now: the request's buffer is released when this method returns.
        ApiRequest detached = new ApiRequest(found.pathParameters(),
                request.headers().get(HttpHeaderNames.CONTENT_TYPE), ByteBufUtil.getBytes(request.content()));
        return found.route().action().handle(detached).handle((response, failure) -> {
            if (failure != null) {
                log.error("Admin route {} failed", found.route().template(), failure);
                return http(ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error"));
            }
            return http(response);
        });
    }

    private boolean authenticated(HttpHeaders headers) {
        List<String> values = headers.getAll(HttpHeaderNames.AUTHORIZATION);
        if (values.size() != 1) {
            return false;
        }
        String value = values.get(0);
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = value.substring(BEARER.length()).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, token);
    }

    /** Writes once every earlier response is written; resumes reading when nothing is left pending. */
    private CompletableFuture<Void> write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        CompletableFuture<Void> written = new CompletableFuture<>();
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) future -> {
            if (!keepAlive || !future.isSuccess()) {
                future.channel().close();
            } else if (--pending == 0) {
                future.channel().config().setAutoRead(true);
            }
            written.complete(null);
        });
        return written;
    }

    private static CompletionStage<FullHttpResponse> completed(ApiResponse response) {
        return CompletableFuture.completedFuture(http(response));
    }

    private static FullHttpResponse http(ApiResponse response) {
        HttpResponseStatus status = response.status();
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            log.error("Admin response could not be written as JSON", e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            body = "{\"error\":\"Internal error\"}".getBytes(StandardCharsets.US_ASCII);
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return http;
    }
}
