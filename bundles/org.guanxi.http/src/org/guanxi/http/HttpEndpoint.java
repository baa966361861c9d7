package org.guanxi.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * What a module serves over HTTP in this process (the telephony adapter's call URL, the survey form): registered as an
 * OSGi service, it is picked up by the one {@link HttpHost} (the whiteboard pattern), so a module installed or removed
 * brings or takes its endpoint along without a restart and without a server of its own.
 */
public interface HttpEndpoint {

    /** The path it answers, with everything below it: {@code /call}, {@code /survey/}. */
    String path();

    /**
     * Whether only programs on this machine may call it (a PBX connector, a softphone): the host refuses every other
     * caller, and every request a proxy forwarded, before the endpoint sees it. Only an endpoint meant for the public
     * says false.
     */
    default boolean loopbackOnly() {
        return true;
    }

    /** Answers one request; the host closes the exchange afterwards. */
    void handle(HttpExchange exchange) throws IOException;

    /** A short plain-text answer. */
    static void replyText(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
