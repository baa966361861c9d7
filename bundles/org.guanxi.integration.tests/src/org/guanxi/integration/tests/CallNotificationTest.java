package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.guanxi.core.event.Topics;
import org.guanxi.integration.CallNotificationServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The telephony adapter over a real socket on 127.0.0.1: a PBX opening the call URL posts the incoming-call event. */
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
    private CallNotificationServer server;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new CallNotificationServer(events);
        port = server.start(0);
        assertTrue(port > 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call?phone=1"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, get("/other?phone=123").statusCode());
        assertTrue(posted.isEmpty());
    }
}
