package dev.parley.server.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.ServerCore;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.Listener;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.transport.EventLoops;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminHttpServerTest {
    private static final String ADD_ALICE = "{\"accountjid\": \"alice@localhost\", \"password\": \"first-secret\"}";

    @TempDir
    Path dataDir;
    private ServerCore core;
    private EventLoops loops;
    private AdminHttpServer admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        core = ServerCore.open(ConfigLoader.parse("""
                domains: [localhost]
                data-dir: %s
                auth:
                  scram-iterations: 4096
                """.formatted(dataDir), "test", dataDir), new SessionRegistry());
        loops = new EventLoops(1);
        admin = AdminHttpServer.start(loops, new Listener(true, "127.0.0.1", 0), core.adminCommands(), dataDir);
    }

    @AfterEach
    void stop() {
        admin.close();
        loops.close();
        core.close();
        http.close();
    }

    @Test
    void publishesItsAddressAndAnOwnerOnlyTokenUntilClosed() throws IOException {
        AdminEndpoint published = AdminEndpoint.read(dataDir).orElseThrow();

        assertThat(published.uri()).isEqualTo(URI.create("http://127.0.0.1:" + admin.port() + "/"));
        assertThat(published.token()).isEqualTo(admin.endpoint().token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(AdminEndpoint.TOKEN_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        admin.close();

        assertThat(AdminEndpoint.read(dataDir)).isEmpty();
        assertThat(dataDir.resolve(AdminEndpoint.TOKEN_FILE)).doesNotExist();
    }

    @Test
    void listsTheCommandsWithTheirFields() throws Exception {
        HttpResponse<String> response = send("GET", "/api/commands", bearer(), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode addUser = null;
        for (JsonNode command : json(response).path("commands")) {
            if (command.path("name").asText().equals("add-user")) {
                addUser = command;
            }
        }
        assertThat(addUser).isNotNull();
        assertThat(addUser.path("title").asText()).isEqualTo("Add a User");
        assertThat(addUser.path("fields").get(0).path("var").asText()).isEqualTo("accountjid");
        assertThat(addUser.path("fields").get(0).path("type").asText()).isEqualTo("jid-single");
        assertThat(addUser.path("fields").get(0).path("required").asBoolean()).isTrue();
    }

    @Test
    void runsACommand() throws Exception {
        HttpResponse<String> response = post("add-user", ADD_ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("message").asText()).isEqualTo("Added alice@localhost");
        assertThat(json(response).path("values").isObject()).isTrue();
        assertThat(aliceExists()).isTrue();
    }

    @Test
    void multiValuedFieldsTakeArrays() throws Exception {
        post("add-user", ADD_ALICE);
        post("add-user", "{\"accountjid\": \"bob@localhost\", \"password\": \"first-secret\"}");

        HttpResponse<String> response = post("delete-user", "{\"accountjids\": [\"alice@localhost\", \"bob@localhost\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("message").asText()).isEqualTo("Deleted 2 account(s)");
        assertThat(aliceExists()).isFalse();
    }

    @Test
    void refusalsMapToStatuses() throws Exception {
        post("add-user", ADD_ALICE);

        HttpResponse<String> conflict = post("add-user", ADD_ALICE);
        HttpResponse<String> notFound = post("delete-user", "{\"accountjids\": [\"nobody@localhost\"]}");
        HttpResponse<String> badRequest = post("add-user", "{\"accountjid\": \"alice@localhost\"}");

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("error").asText()).isEqualTo("alice@localhost already exists");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound).path("error").asText()).isEqualTo("No account nobody@localhost");
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(json(badRequest).path("error").asText()).isEqualTo("'password' is required");
    }

    @Test
    void requestsWithoutTheTokenAreRefusedAndRunNothing() throws Exception {
        HttpResponse<String> none = send("POST", "/api/commands/add-user", null, "application/json", ADD_ALICE);
        HttpResponse<String> wrong = send("POST", "/api/commands/add-user", "Bearer " + "x".repeat(43),
                "application/json", ADD_ALICE);
        HttpResponse<String> otherScheme = send("POST", "/api/commands/add-user",
                "Basic " + admin.endpoint().token(), "application/json", ADD_ALICE);
        HttpResponse<String> unknownRoute = send("GET", "/no/such/thing", null, null, null);

        for (HttpResponse<String> response : List.of(none, wrong, otherScheme, unknownRoute)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        assertThat(aliceExists()).isFalse();
    }

    @Test
    void theAuthSchemeIsCaseInsensitive() throws Exception {
        HttpResponse<String> response = send("GET", "/api/commands", "bearer " + admin.endpoint().token(), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAndCommandsAreNotFound() throws Exception {
        assertThat(send("GET", "/api/things", bearer(), null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/", bearer(), null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownCommand = post("frobnicate", "{}");
        assertThat(unknownCommand.statusCode()).isEqualTo(404);
        assertThat(json(unknownCommand).path("error").asText()).isEqualTo("No command frobnicate");
    }

    @Test
    void wrongMethodsAreRefusedWithTheAllowedOnes() throws Exception {
        HttpResponse<String> getCommand = send("GET", "/api/commands/add-user", bearer(), null, null);
        HttpResponse<String> deleteList = send("DELETE", "/api/commands", bearer(), null, null);

        assertThat(getCommand.statusCode()).isEqualTo(405);
        assertThat(getCommand.headers().firstValue("Allow")).hasValue("POST");
        assertThat(deleteList.statusCode()).isEqualTo(405);
        assertThat(deleteList.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String padding = "x".repeat(AdminHttpServer.MAX_BODY_BYTES);
        HttpResponse<String> response = post("add-user",
                "{\"accountjid\": \"alice@localhost\", \"password\": \"" + padding + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(aliceExists()).isFalse();
    }

    @Test
    void malformedBodiesAreBadRequestsThatQuoteNoInput() throws Exception {
        HttpResponse<String> notJson = post("add-user", "{\"accountjid\": \"alice@localhost\", \"password\": s3cret}");
        HttpResponse<String> notObject = post("add-user", "[\"alice@localhost\"]");
        HttpResponse<String> trailing = post("add-user", ADD_ALICE + " {}");
        HttpResponse<String> duplicateKey = post("add-user",
                "{\"accountjid\": \"alice@localhost\", \"accountjid\": \"bob@localhost\", \"password\": \"p-secret\"}");
        HttpResponse<String> unknownField = post("add-user", "{\"acountjid\": \"alice@localhost\"}");
        HttpResponse<String> twoValues = post("add-user",
                "{\"accountjid\": [\"alice@localhost\", \"bob@localhost\"], \"password\": \"p-secret\"}");
        HttpResponse<String> number = post("add-user", "{\"accountjid\": 42, \"password\": \"p-secret\"}");

        for (HttpResponse<String> response : List.of(notJson, notObject, trailing, duplicateKey, unknownField,
                twoValues, number)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isNotEmpty();
        }
        assertThat(notJson.body()).doesNotContain("s3cret");
        assertThat(json(unknownField).path("error").asText()).contains("'acountjid' is not a field of add-user");
        assertThat(json(twoValues).path("error").asText()).isEqualTo("'accountjid' takes one value");
        assertThat(aliceExists()).isFalse();
    }

    @Test
    void commandBodiesMustBeJson() throws Exception {
        HttpResponse<String> response = send("POST", "/api/commands/add-user", bearer(), "text/plain", ADD_ALICE);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(aliceExists()).isFalse();
    }

    @Test
    void routesAreMatchedOnTheCanonicalPathOnly() throws Exception {
        try (RawHttp raw = new RawHttp(admin.port())) {
            for (String path : List.of("/api/./commands", "/api/x/../commands", "/api/commands/%2e%2e",
                    "//api/commands", "/api/commands/", "/api%5Ccommands", "/api/commands/add%00-user")) {
                raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer() + "\r\n\r\n");
                assertThat(raw.read().status()).as(path).isEqualTo(400);
            }
            raw.send("GET /api%2Fcommands HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer() + "\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(404);
            raw.send("GET /api/%63ommands?verbose=1 HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer() + "\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        byte[] body = ADD_ALICE.getBytes(StandardCharsets.UTF_8);
        try (RawHttp raw = new RawHttp(admin.port())) {
            // The first request derives keys on another thread; the second completes at once, yet must come second.
            raw.send("POST /api/commands/add-user HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + ADD_ALICE
                    + "GET /api/commands HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer() + "\r\n\r\n");

            RawHttp.Response first = raw.read();
            RawHttp.Response second = raw.read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("Added alice@localhost");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).contains("\"commands\"");
        }
    }

    private String bearer() {
        return "Bearer " + admin.endpoint().token();
    }

    private boolean aliceExists() {
        return core.accounts().exists(Jid.parse("alice@localhost")).toCompletableFuture().join();
    }

    private HttpResponse<String> post(String command, String body) throws Exception {
        return send("POST", "/api/commands/" + command, bearer(), "application/json", body);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType,
                                      String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
