package org.guanxi.integration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.event.Topics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The telephony adapter: PBX and call-centre systems (Asterisk dial plans, 3CX, Yeastar, most cloud telephony) can
 * open a URL when a call comes in. {@code GET http://127.0.0.1:PORT/call?token=TOKEN&phone=NUMBER[&ivr=KEYS]} posts
 * the OSGi event {@code org/guanxi/call/incoming}, and the workbench pops the caller's 360° view and logs the call in
 * the queue the keys pressed in the IVR menu lead to. Off unless a port is set with {@code -Dguanxi.cti.port=PORT}.
 * <p>
 * It listens on the loopback interface only, and even there a web page the agent opens could reach it (a form, an
 * image, DNS rebinding): so it requires the installation's token ({@code $GUANXI_HOME/cti-token}, owner-only, made
 * at the first start) and refuses requests that name another host or come from a browser page ({@code Origin},
 * {@code Sec-Fetch-Site}).
 * <p>
 * The JDK's own HTTP server is enough for one short GET per call; Camel's or CXF's HTTP stacks would start a servlet
 * container for it.
 */
@Component(immediate = true)
public class CallNotificationServer {

    public static final String PORT_PROPERTY = "guanxi.cti.port";
    private static final Logger LOG = Logger.getLogger(CallNotificationServer.class.getName());

    @Reference
    private EventAdmin events;

    private HttpServer server;
    private String token;

    public CallNotificationServer() {
    }

    /** For tests and embedding: posts to {@code events}, accepts {@code token}; {@link #start} opens the port. */
    public CallNotificationServer(EventAdmin events, String token) {
        this.events = events;
        this.token = token;
    }

    @Activate
    void activate() {
        int port = Integer.getInteger(PORT_PROPERTY, -1);
        if (port >= 0) {
            try {
                token = LocalToken.of(GuanxiHome.resolve("cti-token"));
            } catch (IOException e) {
                LOG.warning(() -> "Telephony adapter not started: no token in $GUANXI_HOME/cti-token: " + e.getMessage());
                return;
            }
            start(port);
        }
    }

    /** Listens on 127.0.0.1; returns the port. A port in use is logged, and the product runs on without the adapter. */
    public int start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            LOG.warning(() -> "Telephony adapter not started: port " + port + " on 127.0.0.1: " + e.getMessage());
            return -1;
        }
        server.createContext("/call", this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "guanxi-cti")));
        server.start();
        int bound = server.getAddress().getPort();
        LOG.info(() -> "Telephony adapter listening on 127.0.0.1:" + bound + "/call?token=…&phone=… "
                + "(the token is in $GUANXI_HOME/cti-token)");
        return bound;
    }

    @Deactivate
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, "use GET /call?token=TOKEN&phone=NUMBER\n");
                return;
            }
            String refused = refusal(exchange);
            if (refused != null) {
                LOG.warning(() -> "Telephony adapter refused a request: " + refused);
                reply(exchange, 403, refused + "\n");
                return;
            }
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            if (!LocalToken.matches(token, params.get("token"))) {
                LOG.warning("Telephony adapter refused a request without the installation's token");
                reply(exchange, 403, "the installation's token is needed: /call?token=TOKEN&phone=NUMBER\n");
                return;
            }
            String phone = params.get("phone");
            if (phone == null || phone.isBlank() || phone.length() > 40 || !phone.matches("[0-9+()\\-. ]+")) {
                reply(exchange, 400, "a phone number is needed: /call?phone=NUMBER\n");
                return;
            }
            String ivr = params.get("ivr");
            if (ivr != null && !ivr.matches("[0-9*#]{0,20}")) {
                reply(exchange, 400, "ivr holds the keys pressed: digits, * and #, at most 20\n");
                return;
            }
            Map<String, Object> properties = new HashMap<>();
            properties.put(Topics.PROPERTY_PHONE, phone.strip());
            if (ivr != null && !ivr.isEmpty()) {
                properties.put(Topics.PROPERTY_IVR, ivr);
            }
            events.postEvent(new Event(Topics.CALL_INCOMING, properties));
            reply(exchange, 200, "ok\n");
        }
    }

    /** Why a request is not from a PBX connector on this machine, or null. */
    private String refusal(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = server.getAddress().getPort();
        // DNS rebinding: a page of evil.example resolved to 127.0.0.1 still says Host: evil.example
        if (host == null || !java.util.Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port)
                .contains(host.strip().toLowerCase(java.util.Locale.ROOT))) {
            return "foreign host: " + host;
        }
        // browsers say where a request comes from; a PBX or a softphone's connector does not
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            return "request from a web page: Origin " + origin;
        }
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("none")) {
            return "request from a web page: Sec-Fetch-Site " + site;
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                // a literal "+" is the international prefix of a number, not an encoded space
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
