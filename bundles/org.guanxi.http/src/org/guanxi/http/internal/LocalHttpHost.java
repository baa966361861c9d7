package org.guanxi.http.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.guanxi.core.GuanxiHome;
import org.guanxi.http.HttpEndpoint;
import org.guanxi.http.HttpHost;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The product's one HTTP server for its local endpoints: it listens on {@code http.port} (a system property
 * {@code -Dguanxi.http.port} or the deployment's {@code guanxi.properties}) on {@code http.bind} (127.0.0.1 unless a
 * team server faces a proxy) and hands each request to the {@link HttpEndpoint} service whose path it names. Off
 * unless a port is set. The older {@code survey.port} / {@code survey.bind} and {@code cti.port} are read as its
 * settings, so a deployment configured for the two former servers keeps working.
 * <p>
 * An endpoint that is {@link HttpEndpoint#loopbackOnly() for this machine only} gets no request from another machine
 * nor one a proxy marks as forwarded, whatever address the host is bound to: that is checked here, once, not by each
 * endpoint. A path with dot segments, doubled or encoded slashes is refused before any endpoint is chosen, so that a
 * proxy that forwards only {@code /survey/} cannot be led to another endpoint ({@code /call/../survey/}).
 * <p>
 * The JDK's HTTP server is enough for a few short requests a minute; the OSGi HTTP whiteboard on Jetty would add a
 * servlet container and a dozen bundles for them.
 */
@Component(service = HttpHost.class, immediate = true)
public class LocalHttpHost implements HttpHost {

    private static final Logger LOG = Logger.getLogger(LocalHttpHost.class.getName());
    /** Headers proxies add: a request carrying one came from elsewhere, even if the proxy runs on this machine. */
    private static final List<String> FORWARDED = List.of("Forwarded", "Via", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Real-IP", "True-Client-IP", "CF-Connecting-IP", "X-Client-IP");
    /** Seconds a client may take to send its request: slow clients of a public endpoint do not hold the workers. */
    private static final String REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

    /** The endpoints bound per path; the first one serves, the next takes over when it goes. */
    private final Map<String, List<HttpEndpoint>> endpoints = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile URI address;
    private ExecutorService workers;

    @Activate
    void activate() {
        Properties deployment;
        try {
            deployment = GuanxiHome.deployment();
        } catch (RuntimeException e) {
            // an unreadable guanxi.properties costs the endpoints, not the components that ask for the host
            LOG.log(Level.WARNING, "Local HTTP endpoints not served: the deployment settings cannot be read", e);
            return;
        }
        String port = setting(deployment, "http.port");
        String bind = setting(deployment, "http.bind");
        if (port == null) {
            String survey = setting(deployment, "survey.port");
            String cti = setting(deployment, "cti.port");
            if (survey != null && cti != null && !survey.equals(cti)) {
                LOG.warning(() -> "guanxi.survey.port (" + survey + ") and guanxi.cti.port (" + cti + ") are one "
                        + "port now, guanxi.http.port: the telephony adapter answers on " + survey
                        + "; set the PBX's URL to it");
            }
            port = survey != null ? survey : cti;
            // the survey form's bind address does not widen a host that only the telephony adapter asked for
            if (bind == null && survey != null) {
                bind = setting(deployment, "survey.bind");
            }
            if (port != null) {
                LOG.info("The former guanxi.survey.port / guanxi.cti.port are read as guanxi.http.port: "
                        + "the local endpoints (telephony, survey form) share one port now");
            }
        }
        if (port == null) {
            return;
        }
        try {
            start(bind == null ? "127.0.0.1" : bind, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            String given = port;
            LOG.warning(() -> "Local HTTP endpoints not served: guanxi.http.port is not a port number: " + given);
        }
    }

    private static String setting(Properties deployment, String key) {
        String value = GuanxiHome.deploymentValue(deployment, key, null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Listens and returns the port; a port in use is logged, and the product runs on without the endpoints. */
    public synchronized int start(String bind, int port) {
        stop();
        if (System.getProperty(REQUEST_SECONDS) == null) {
            System.setProperty(REQUEST_SECONDS, "30");
        }
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "Local HTTP endpoints not served on " + bind + ":" + port + ": " + e.getMessage());
            return -1;
        }
        created.createContext("/", this::dispatch);
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "guanxi-http");
            t.setDaemon(true);
            return t;
        });
        created.setExecutor(workers);
        created.start();
        address = addressOf(created.getAddress());
        server = created;
        LOG.info(() -> "Local HTTP host listening on " + bind + ":" + created.getAddress().getPort() + " for "
                + (endpoints.isEmpty() ? "the endpoints of the modules" : String.join(", ", endpoints.keySet())));
        return created.getAddress().getPort();
    }

    @Deactivate
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
            address = null;
        }
    }

    @Reference(name = "endpoints", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEndpoint")
    public void addEndpoint(HttpEndpoint endpoint) {
        List<HttpEndpoint> bound = endpoints.computeIfAbsent(endpoint.path(), p -> new CopyOnWriteArrayList<>());
        bound.add(endpoint);
        if (bound.size() > 1) {
            LOG.warning(() -> endpoint.getClass().getName() + " waits: " + endpoint.path() + " is served by "
                    + bound.get(0).getClass().getName());
        }
    }

    public void removeEndpoint(HttpEndpoint endpoint) {
        endpoints.computeIfPresent(endpoint.path(), (path, bound) -> {
            bound.remove(endpoint);
            return bound.isEmpty() ? null : bound;
        });
    }

    @Override
    public Optional<URI> address() {
        return Optional.ofNullable(address);
    }

    private static URI addressOf(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        String host = ip.isAnyLocalAddress() ? hostName() : ip.getHostAddress().replaceFirst("%.*$", "");
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + bound.getPort());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            if (!plain(raw)) {
                HttpEndpoint.replyText(exchange, 400,
                        "a path with dot segments, doubled or encoded slashes is not served\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Optional<HttpEndpoint> endpoint = endpoints.entrySet().stream().filter(e -> answers(e.getKey(), path))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).map(e -> e.getValue().get(0));
            if (endpoint.isEmpty()) {
                HttpEndpoint.replyText(exchange, 404, "nothing is served at " + path + "\n");
                return;
            }
            if (endpoint.get().loopbackOnly() && !fromThisMachine(exchange)) {
                LOG.warning(() -> "Refused a request for " + path + " from " + exchange.getRemoteAddress()
                        + ": only programs on this machine may call it");
                HttpEndpoint.replyText(exchange, 403,
                        "only programs on this machine may call " + endpoint.get().path() + "\n");
                return;
            }
            try {
                endpoint.get().handle(exchange);
            } catch (RuntimeException e) {
                // a bug of an endpoint gets an answer and a log entry, not a dropped connection
                LOG.log(Level.WARNING, "The endpoint " + endpoint.get().path() + " failed on " + path, e);
                if (exchange.getResponseCode() == -1) {
                    HttpEndpoint.replyText(exchange, 500, "the request could not be answered; the log says why\n");
                }
            }
        }
    }

    /** A path as a proxy sees it: no dot segments, no empty segments, no encoded slash or backslash. */
    private static boolean plain(String raw) {
        if (raw == null || !raw.startsWith("/") || raw.contains("//") || raw.contains("\\")) {
            return false;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
            return false;
        }
        for (String segment : raw.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean answers(String endpointPath, String requestPath) {
        return requestPath.equals(endpointPath) || requestPath.startsWith(
                endpointPath.endsWith("/") ? endpointPath : endpointPath + "/");
    }

    private static boolean fromThisMachine(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress()
                && FORWARDED.stream().noneMatch(h -> exchange.getRequestHeaders().containsKey(h));
    }
}
