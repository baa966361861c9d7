package org.guanxi.integration;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.event.Topics;
import org.guanxi.http.HttpEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.sun.net.httpserver.HttpExchange;

/**
 * The telephony adapter: PBX and call-centre systems (Asterisk dial plans, 3CX, Yeastar, most cloud telephony) can
 * open a URL when a call comes in. {@code GET http://127.0.0.1:PORT/call?token=TOKEN&phone=NUMBER[&ivr=KEYS]} posts
 * the OSGi event {@code org/guanxi/call/incoming}, and the workbench pops the caller's 360° view and logs the call in
 * the queue the keys pressed in the IVR menu lead to. Served by the product's local HTTP host, so only when a port is
 * set ({@code -Dguanxi.http.port=PORT}).
 * <p>
 * The host lets only programs on this machine reach it, and even there a web page the agent opens could (a form, an
 * image, DNS rebinding): so it requires the installation's token ({@code $GUANXI_HOME/cti-token}, owner-only, made
 * at the first start) and refuses requests that name another host or come from a browser page ({@code Origin},
 * {@code Sec-Fetch-Site}).
 */
@Component
public class CallNotificationEndpoint implements HttpEndpoint {

    private static final Logger LOG = Logger.getLogger(CallNotificationEndpoint.class.getName());

    private final EventAdmin events;
    private final String token;

    @Activate
    public CallNotificationEndpoint(@Reference EventAdmin events) {
        this.events = events;
        this.token = installationToken();
    }

    /** The token PBX connectors must send; without one (an unwritable home) every call URL is refused. */
    private static String installationToken() {
        try {
            return LocalToken.of(GuanxiHome.resolve("cti-token"));
        } catch (IOException e) {
            LOG.warning(() -> "Telephony adapter refuses every call: no token in $GUANXI_HOME/cti-token: "
                    + e.getMessage());
            return null;
        }
    }

    @Override
    public String path() {
        return "/call";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("POST")) {
            HttpEndpoint.replyText(exchange, 405, "use GET /call?token=TOKEN&phone=NUMBER\n");
            return;
        }
        String refused = refusal(exchange);
        if (refused != null) {
            LOG.warning(() -> "Telephony adapter refused a request: " + refused);
            HttpEndpoint.replyText(exchange, 403, refused + "\n");
            return;
        }
        Map<String, String> params;
        try {
            params = query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            HttpEndpoint.replyText(exchange, 400, "the address does not decode: " + e.getMessage() + "\n");
            return;
        }
        if (!LocalToken.matches(token, params.get("token"))) {
            LOG.warning("Telephony adapter refused a request without the installation's token");
            HttpEndpoint.replyText(exchange, 403, "the installation's token is needed: /call?token=TOKEN&phone=N\n");
            return;
        }
        String phone = params.get("phone");
        if (phone == null || phone.isBlank() || phone.length() > 40 || !phone.matches("[0-9+()\\-. ]+")) {
            HttpEndpoint.replyText(exchange, 400, "a phone number is needed: /call?phone=NUMBER\n");
            return;
        }
        String ivr = params.get("ivr");
        if (ivr != null && !ivr.matches("[0-9*#]{0,20}")) {
            HttpEndpoint.replyText(exchange, 400, "ivr holds the keys pressed: digits, * and #, at most 20\n");
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(Topics.PROPERTY_PHONE, phone.strip());
        if (ivr != null && !ivr.isEmpty()) {
            properties.put(Topics.PROPERTY_IVR, ivr);
        }
        events.postEvent(new Event(Topics.CALL_INCOMING, properties));
        HttpEndpoint.replyText(exchange, 200, "ok\n");
    }

    /** Why a request is not from a PBX connector on this machine, or null. */
    private String refusal(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = exchange.getLocalAddress().getPort();
        // DNS rebinding: a page of evil.example resolved to 127.0.0.1 still says Host: evil.example
        if (host == null || !Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port)
                .contains(host.strip().toLowerCase(Locale.ROOT))) {
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
}
