package org.guanxi.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.xslt.XsltEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * Keeps the running routes in step with the YAML files of the routes folder and the XSLT files of its
 * {@code mappings} folder. A new or changed route file is first loaded into a throw-away Camel context whose routes
 * are created but never started; only when that works are the file's old routes replaced. A changed mapping is
 * compiled first; only when that works do the routes' XSLT endpoints drop the stylesheet they cached. A broken edit
 * therefore leaves the old routes and mappings running, and the reason is kept for the Integration view. (Camel's
 * own route reloading removes the old routes before it knows the new file works.)
 */
final class RouteFiles {

    private static final Logger LOG = Logger.getLogger(RouteFiles.class.getName());
    static final String MAPPINGS = "mappings";

    private final CamelContext live;
    private final Path folder;
    private final Consumer<CamelContext> prepare;
    private final RouteRules rules;
    private final Map<String, Set<String>> routesByFile = new ConcurrentHashMap<>();
    private final Map<String, String> errorsByFile = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();

    /**
     * {@code prepare} gives a context the beans and properties the route files may use; {@code rules} say what else
     * they may use (null: anything, when an integration administrator has allowed unrestricted routes).
     */
    RouteFiles(CamelContext live, Path folder, Consumer<CamelContext> prepare, RouteRules rules) {
        this.live = live;
        this.folder = folder;
        this.prepare = prepare;
        this.rules = rules;
    }

    /** Looks at the folder once: loads new and changed files, removes the routes of deleted files. */
    synchronized boolean scan() {
        boolean changed = false;
        Map<String, String> now = new HashMap<>();
        try {
            for (Path p : editableFiles(folder)) {
                now.put(folder.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the routes folder " + folder, e);
            return false;
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(fingerprints.get(e.getKey()))) {
                fingerprints.put(e.getKey(), e.getValue());
                load(e.getKey());
                changed = true;
            }
        }
        for (String gone : List.copyOf(fingerprints.keySet())) {
            if (!now.containsKey(gone)) {
                fingerprints.remove(gone);
                removeRoutes(gone);
                errorsByFile.remove(gone);
                LOG.info(() -> "Route file removed: " + gone);
                changed = true;
            }
        }
        return changed;
    }

    /** The route files ({@code *.yaml}) and mappings ({@code mappings/*.xsl}) an integration engineer edits. */
    static List<Path> editableFiles(Path folder) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> isRouteFile(f.getFileName().toString())).sorted().forEach(out::add);
        }
        Path mappings = folder.resolve(MAPPINGS);
        if (Files.isDirectory(mappings)) {
            try (Stream<Path> files = Files.list(mappings)) {
                files.filter(f -> isMapping(f.getFileName().toString())).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static boolean isRouteFile(String name) {
        return name.endsWith(".yaml");
    }

    static boolean isMapping(String name) {
        return name.endsWith(".xsl") || name.endsWith(".xslt");
    }

    private void load(String file) {
        if (isMapping(file)) {
            loadMapping(file);
            return;
        }
        String uri = "file:" + folder.resolve(file);
        try {
            validate(PluginHelper.getResourceLoader(live).resolveResource(uri), file);
        } catch (Exception e) {
            String reason = rootMessage(e);
            errorsByFile.put(file, reason);
            LOG.warning(() -> "Route file " + file + " is invalid; the routes it had keep running. " + reason);
            return;
        }
        Set<String> before = routeIds();
        Set<String> old = routesByFile.getOrDefault(file, Set.of());
        try {
            removeRoutes(file);
            Resource resource = PluginHelper.getResourceLoader(live).resolveResource(uri);
            PluginHelper.getRoutesLoader(live).loadRoutes(resource);
            Set<String> added = new LinkedHashSet<>(routeIds());
            added.removeAll(before);
            added.addAll(old.stream().filter(id -> live.getRoute(id) != null).toList());
            routesByFile.put(file, added);
            errorsByFile.remove(file);
            LOG.info(() -> "Route file " + file + " loaded: " + added);
        } catch (Exception e) {
            errorsByFile.put(file, rootMessage(e));
            LOG.log(Level.WARNING, "Route file " + file + " could not be started", e);
        }
    }

    /**
     * A mapping that compiles is handed to the routes' XSLT endpoints at once (they cache the compiled stylesheet);
     * one that does not leaves them with the last good one. (Clearing their cache instead would make them read
     * the file again on their next message, by then perhaps broken by a later edit.)
     */
    private void loadMapping(String file) {
        Path path = folder.resolve(file);
        String text;
        try {
            text = Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
            Mappings.compile(text, path);
        } catch (Exception e) {
            String reason = rootMessage(e);
            errorsByFile.put(file, reason);
            LOG.warning(() -> "Mapping " + file + " is invalid; the routes keep using the last good one. " + reason);
            return;
        }
        errorsByFile.remove(file);
        String name = path.getFileName().toString();
        reloadIncluders(path, name);
        for (Endpoint e : live.getEndpoints()) {
            if (e instanceof XsltEndpoint x && x.getXslt() != null && x.getResourceUri() != null && x.getResourceUri().endsWith("/" + name)) {
                try {
                    x.getXslt().setTransformerSource(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(text), path.toUri().toString()));
                    LOG.info(() -> "Mapping " + file + " now used by " + x.getEndpointUri());
                } catch (Exception ex) {
                    errorsByFile.put(file, rootMessage(ex));
                    LOG.log(Level.WARNING, "Mapping " + file + " could not replace the running one", ex);
                }
            }
        }
    }

    /**
     * A compiled mapping holds what it includes (xsl:include/xsl:import): when a shared part such as
     * idempiere-operations.xsl changes, the mappings beside it that name it are compiled and handed over again.
     */
    private void reloadIncluders(Path path, String name) {
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            for (Path other : siblings.filter(p -> isMapping(p.getFileName().toString()) && !p.equals(path)).sorted().toList()) {
                if (Files.readString(other, java.nio.charset.StandardCharsets.UTF_8).contains("href=\"" + name + "\"")) {
                    loadMapping(folder.relativize(other).toString());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot look for the mappings that include " + name, e);
        }
    }

    /**
     * Checks a route file's or a mapping's text as it would be loaded, without touching the running routes: the
     * editor's markers come from here. Returns null when the text is fine, else the reason.
     */
    String check(String file, String text) {
        try {
            if (isMapping(file)) {
                Mappings.compile(text, folder.resolve(file));
            } else {
                validate(org.apache.camel.support.ResourceHelper.fromString("file:" + folder.resolve(file), text), file);
            }
            return null;
        } catch (Exception e) {
            return rootMessage(e);
        }
    }

    /** Creates the file's routes in a context that is never started, so nothing polls or listens. */
    private void validate(Resource resource, String file) throws Exception {
        if (rules != null) {
            String text;
            try (java.io.InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            List<String> problems = rules.check(text);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
        }
        CamelContext probe = new org.apache.camel.impl.DefaultCamelContext();
        try {
            probe.setApplicationContextClassLoader(live.getApplicationContextClassLoader());
            probe.setAutoStartup(false);
            prepare.accept(probe);
            PluginHelper.getRoutesLoader(probe).loadRoutes(resource);
            probe.start();
            if (probe.getRoutes().isEmpty()) {
                throw new IllegalArgumentException("the file defines no route");
            }
            for (Route r : probe.getRoutes()) {
                if (!r.getRouteId().matches("route\\d+") && live.getRoute(r.getRouteId()) != null
                        && !routesByFile.getOrDefault(file, Set.of()).contains(r.getRouteId())) {
                    throw new IllegalArgumentException("route id " + r.getRouteId() + " is already used by another file");
                }
            }
        } finally {
            probe.stop();
        }
    }

    private void removeRoutes(String file) {
        for (String id : routesByFile.getOrDefault(file, Set.of())) {
            try {
                live.getRouteController().stopRoute(id);
                live.removeRoute(id);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Cannot remove route " + id, e);
            }
        }
        routesByFile.remove(file);
    }

    private Set<String> routeIds() {
        return live.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    String fileOfRoute(String routeId) {
        return routesByFile.entrySet().stream().filter(e -> e.getValue().contains(routeId)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    Map<String, String> errors() {
        return Map.copyOf(errorsByFile);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(" — ").append(t.getMessage());
            }
        }
        String s = sb.toString();
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
