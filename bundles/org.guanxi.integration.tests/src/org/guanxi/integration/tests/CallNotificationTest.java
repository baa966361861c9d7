package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.guanxi.core.event.Topics;
import org.guanxi.integration.CallNotificationServer;
import org.guanxi.integration.LocalToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The telephony adapter over a real socket on 127.0.0.1: a PBX opening the call URL with the installation's token
 * posts the incoming-call event; a web page (another origin, another host name) or a caller without the token does not.
 */
class CallNotificationTest {

    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final EventAdmin events = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    };
    private static final String TOKEN = "k7Qv2mB9xRt4LpWz8sNd3FhY6cJa1GuE";
    private CallNotificationServer server;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new CallNotificationServer(events, TOKEN);
        port = server.start(0);
        assertTrue(port > 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** GET with the token as the PBX is configured to send it. */
    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        String withToken = pathAndQuery.contains("?") ? pathAndQuery.replaceFirst("\\?", "?token=" + TOKEN + "&")
                : pathAndQuery + "?token=" + TOKEN;
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + withToken)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheTokenOrFromAWebPageNothingIsPosted() throws Exception {
        String call = "http://127.0.0.1:" + port + "/call?phone=13800138000";
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call)).GET()).statusCode(), "no token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + TOKEN.substring(1))).GET())
                .statusCode(), "a wrong token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + TOKEN)).GET()
                .header("Origin", "https://evil.example")).statusCode(), "a page's script, even with the token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + TOKEN)).GET()
                .header("Sec-Fetch-Site", "cross-site")).statusCode(), "an image or a link of a page");
        // DNS rebinding: evil.example resolved to 127.0.0.1 still names itself
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /call?token=" + TOKEN + "&phone=13800138000 HTTP/1.1\r\n"
                    + "Host: evil.example:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .findFirst().orElse("");
            assertTrue(status.contains(" 403 "), status);
        }
        assertTrue(posted.isEmpty());
        assertEquals(200, get("/call?phone=13800138000").statusCode(), "the PBX's request");
        assertEquals(1, posted.size());
    }

    @Test
    void theInstallationsTokenIsMadeOnceAndReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
        Path file = home.resolve("cti-token");
        String token = LocalToken.of(file);
        assertTrue(token.length() >= 40, token);
        assertEquals(token, LocalToken.of(file), "kept");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertTrue(LocalToken.matches(token, token));
        assertFalse(LocalToken.matches(token, null));
        assertFalse(LocalToken.matches(token, token + "x"));
    }

    @Test
    void aCallUrlPostsTheIncomingCallWithTheNumberAsSent() throws Exception {
        HttpResponse<String> r = get("/call?phone=+86%20138-0013-8000&line=3");
        assertEquals(200, r.statusCode());
        assertEquals(1, posted.size());
        assertEquals(Topics.CALL_INCOMING, posted.get(0).getTopic());
        assertEquals("+86 138-0013-8000", posted.get(0).getProperty(Topics.PROPERTY_PHONE), "a literal + stays the prefix");
    }

    @Test
    void theKeysPressedInTheIvrTravelWithTheCall() throws Exception {
        assertEquals(200, get("/call?phone=13800138000&ivr=2*1%23").statusCode());
        assertEquals("2*1#", posted.get(0).getProperty(Topics.PROPERTY_IVR), "# arrives encoded as %23");
        assertEquals(400, get("/call?phone=13800138000&ivr=12a").statusCode());
        assertEquals(1, posted.size());
        assertEquals(200, get("/call?phone=13800138000").statusCode());
        assertEquals(null, posted.get(1).getProperty(Topics.PROPERTY_IVR));
    }

    @Test
    void withoutAUsableNumberNothingIsPosted() throws Exception {
        assertEquals(400, get("/call").statusCode());
        assertEquals(400, get("/call?phone=").statusCode());
        assertEquals(400, get("/call?phone=%3Cscript%3E").statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call?phone=1&token=" + TOKEN))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, get("/other?phone=123").statusCode());
        assertTrue(posted.isEmpty());
    }
}
