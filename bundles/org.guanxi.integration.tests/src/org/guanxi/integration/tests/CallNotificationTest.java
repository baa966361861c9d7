package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.event.Topics;
import org.guanxi.http.HttpEndpoint;
import org.guanxi.http.HttpHost;
import org.guanxi.http.internal.LocalHttpHost;
import org.guanxi.integration.CallNotificationEndpoint;
import org.guanxi.integration.LocalToken;
import org.guanxi.testing.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.sun.net.httpserver.HttpExchange;

/**
 * The telephony adapter on the local HTTP host, over a real socket: a PBX on this machine opening the call URL with
 * the installation's token posts the incoming-call event; a web page (another origin, another host name), a caller
 * without the token, another machine or a request through a proxy does not.
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
    private final LocalHttpHost host = new LocalHttpHost();
    private CallNotificationEndpoint endpoint;
    private String token;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        endpoint = new CallNotificationEndpoint(events);
        host.addEndpoint(endpoint);
        token = LocalToken.of(GuanxiHome.resolve("cti-token"));
        port = host.start("127.0.0.1", 0);
        assertTrue(port > 0);
    }

    @AfterEach
    void stop() {
        host.stop();
    }

    /** GET with the token as the PBX is configured to send it. */
    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        String withToken = pathAndQuery.contains("?") ? pathAndQuery.replaceFirst("\\?", "?token=" + token + "&")
                : pathAndQuery + "?token=" + token;
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + withToken)).GET());
    }

    /** A GET written by hand, as no HTTP client would send it (any Host, any path); the answer's status line. */
    private static String statusLine(Socket socket, String target, String hostHeader) throws Exception {
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheTokenOrFromAWebPageNothingIsPosted() throws Exception {
        String call = "http://127.0.0.1:" + port + "/call?phone=13800138000";
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call)).GET()).statusCode(), "no token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + token.substring(1))).GET())
                .statusCode(), "a wrong token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + token)).GET()
                .header("Origin", "https://evil.example")).statusCode(), "a page's script, even with the token");
        assertEquals(403, send(HttpRequest.newBuilder(URI.create(call + "&token=" + token)).GET()
                .header("Sec-Fetch-Site", "cross-site")).statusCode(), "an image or a link of a page");
        // DNS rebinding: evil.example resolved to 127.0.0.1 still names itself
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String status = statusLine(socket, "/call?token=" + token + "&phone=13800138000", "evil.example:" + port);
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
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call?phone=1&token=" + token))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, get("/other?phone=123").statusCode());
        assertTrue(posted.isEmpty());
    }

    @Test
    void aProxiedRequestIsRefusedEvenFromThisMachine() throws Exception {
        // a web proxy on this machine in front of the survey form forwards the whole world's requests from 127.0.0.1
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            String value = header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/call?phone=13800138000&token=" + token)).header(header, value).GET());
            assertEquals(403, r.statusCode(), header);
        }
        assertTrue(posted.isEmpty());
    }

    @Test
    void anotherMachineIsRefusedWhenTheHostListensOnEveryInterface() throws Exception {
        host.stop();
        InetAddress lan = NetworkInterface.networkInterfaces().filter(CallNotificationTest::up)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
        Assumptions.assumeTrue(lan != null, "this machine has no network address but the loopback");
        int wide = host.start("0.0.0.0", 0);
        // the test connects from the machine's network address: to the host, a caller on the network
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(lan, 0));
            socket.connect(new InetSocketAddress(lan, wide));
            String status = statusLine(socket, "/call?token=" + token + "&phone=13800138000", "127.0.0.1:" + wide);
            assertTrue(status.contains(" 403 "), status);
        }
        assertTrue(posted.isEmpty());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wide
                + "/call?phone=13800138000&token=" + token)).GET()).statusCode(), "from this machine it works");
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void theProductsHostServesTheModulesEndpointItFoundInTheServiceRegistry() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(CallNotificationEndpoint.class).getBundleContext();
        ServiceReference<HttpHost> ref = context.getServiceReference(HttpHost.class);
        assertTrue(ref != null, "the platform's host");
        LocalHttpHost product = (LocalHttpHost) context.getService(ref);
        List<Event> heard = new CopyOnWriteArrayList<>();
        var listening = context.registerService(EventHandler.class, heard::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, Topics.CALL_INCOMING)));
        try {
            assertTrue(product.address().isEmpty(), "no port set for the tests: nothing listens");
            int productPort = product.start("127.0.0.1", 0);
            assertEquals(product.address().orElseThrow(), URI.create("http://127.0.0.1:" + productPort));
            // the endpoint DS gave the host (whiteboard), with the installation's token, posting to the real EventAdmin
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + productPort
                    + "/call?phone=13800138000&token=" + token)).GET());
            assertEquals(200, r.statusCode(), r.body());
            TestSession.await("the incoming call event", java.time.Duration.ofSeconds(30), () -> !heard.isEmpty());
            assertEquals("13800138000", heard.get(0).getProperty(Topics.PROPERTY_PHONE));
        } finally {
            product.stop();
            listening.unregister();
            context.ungetService(ref);
        }
    }

    @Test
    void aPathThatAProxyWouldReadOtherwiseIsRefused() throws Exception {
        // a proxy that forwards only /survey/ normalises before it matches, and passes the raw path on
        for (String path : List.of("/call/../survey/x", "/survey/../call", "/survey/..%2Fcall", "//call",
                "/call/%2e%2e/survey/x", "/survey/x%5C..%5Ccall")) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                String status = statusLine(socket, path + "?token=" + token + "&phone=13800138000", "127.0.0.1:" + port);
                // "//call" names a host "call" and no path: the JDK's server finds no context for it (404)
                assertTrue(status.contains(" 400 ") || path.equals("//call") && status.contains(" 404 "), path + ": " + status);
            }
        }
        assertTrue(posted.isEmpty());
    }

    @Test
    void whenAnEndpointGoesTheNextOneForItsPathTakesOver() throws Exception {
        assertEquals(200, get("/call?phone=13800138000").statusCode());
        HttpEndpoint other = new HttpEndpoint() {
            @Override
            public String path() {
                return "/call";
            }

            @Override
            public void handle(HttpExchange exchange) throws java.io.IOException {
                HttpEndpoint.replyText(exchange, 418, "the other one\n");
            }
        };
        host.addEndpoint(other);
        assertEquals(200, get("/call?phone=13800138000").statusCode(), "the first stays");
        host.removeEndpoint(endpoint);
        assertEquals(418, get("/call?phone=13800138000").statusCode(), "the second takes over");
        host.removeEndpoint(other);
        assertEquals(404, get("/call?phone=13800138000").statusCode(), "both gone");
        assertEquals(2, posted.size(), "one call each while the telephony adapter served");
    }
}
