package org.guanxi.http.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
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
 * unless a port is set. The older {@code cti.port}, {@code survey.port} and {@code survey.bind} are read as its
 * settings, so a deployment configured for the two former servers keeps working.
 * <p>
 * An endpoint that is {@link HttpEndpoint#loopbackOnly() for this machine only} gets no request from another machine
 * nor through a proxy, whatever address the host is bound to: that is checked here, once, not by each endpoint.
 * <p>
 * The JDK's HTTP server is enough for a few short requests a minute; the OSGi HTTP whiteboard on Jetty would add a
 * servlet container and a dozen bundles for them.
 */
@Component(service = HttpHost.class, immediate = true)
public class LocalHttpHost implements HttpHost {

    private static final Logger LOG = Logger.getLogger(LocalHttpHost.class.getName());
    /** Headers a proxy adds: a request carrying one came from elsewhere, even if the proxy runs on this machine. */
    private static final List<String> FORWARDED =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    private final ConcurrentHashMap<String, HttpEndpoint> endpoints = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private ExecutorService workers;

    @Activate
    void activate() {
        Properties deployment = GuanxiHome.deployment();
        String port = setting(deployment, "http.port", "survey.port", "cti.port");
        if (port == null) {
            return;
        }
        String bind = setting(deployment, "http.bind", "survey.bind");
        try {
            start(bind == null ? "127.0.0.1" : bind, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Local HTTP endpoints not served: guanxi.http.port is not a port number: " + port);
        }
    }

    /** The first of the settings that is set; a former name is said once in the log. */
    private static String setting(Properties deployment, String key, String... formerKeys) {
        String value = GuanxiHome.deploymentValue(deployment, key, null);
        for (int i = 0; value == null && i < formerKeys.length; i++) {
            String former = formerKeys[i];
            value = GuanxiHome.deploymentValue(deployment, former, null);
            if (value != null) {
                LOG.info(() -> "guanxi." + former + " is read as guanxi." + key
                        + ": the local endpoints (telephony, survey links) share one port now");
            }
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Listens and returns the port; a port in use is logged, and the product runs on without the endpoints. */
    public synchronized int start(String bind, int port) {
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "Local HTTP endpoints not served on " + bind + ":" + port + ": " + e.getMessage());
            return -1;
        }
        created.createContext("/", this::dispatch);
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "guanxi-http");
            t.setDaemon(true);
            return t;
        });
        created.setExecutor(workers);
        created.start();
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
        }
    }

    @Reference(name = "endpoints", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEndpoint")
    public void addEndpoint(HttpEndpoint endpoint) {
        HttpEndpoint before = endpoints.putIfAbsent(endpoint.path(), endpoint);
        if (before == null) {
            LOG.fine(() -> "Local HTTP host serves " + endpoint.path() + " (" + endpoint.getClass().getName() + ")");
        } else if (before != endpoint) {
            LOG.warning(() -> endpoint.getClass().getName() + " not served: " + endpoint.path() + " is served by "
                    + before.getClass().getName());
        }
    }

    public void removeEndpoint(HttpEndpoint endpoint) {
        endpoints.remove(endpoint.path(), endpoint);
    }

    @Override
    public Optional<URI> address() {
        HttpServer s = server;
        if (s == null) {
            return Optional.empty();
        }
        InetSocketAddress bound = s.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? hostName() : bound.getAddress().getHostAddress();
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return Optional.of(URI.create("http://" + literal + ":" + bound.getPort()));
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
            String path = exchange.getRequestURI().getPath();
            Optional<HttpEndpoint> endpoint = endpoints.values().stream().filter(e -> answers(e.path(), path))
                    .max(Comparator.comparingInt(e -> e.path().length()));
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
