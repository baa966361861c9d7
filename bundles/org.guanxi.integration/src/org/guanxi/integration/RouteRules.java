package org.guanxi.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.spi.EndpointStrategy;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What a route file may use, so that editing one is configuring the product, not running code on the machine: the
 * Camel components the product's routes need, the beans the product binds, the product's placeholders (and
 * {@code GUANXI_*} environment variables, {@code guanxi.*} system properties, {@code {{secret:…}}}), the simple
 * language without class access or environment. Anything else — {@code exec:}, a class as a bean, a bean defined in
 * the file, a script language, {@code {{env:HOME}}} — is refused with its line before Camel loads the file, and an
 * endpoint of another component made at run time (a dynamic {@code toD}) is refused when it is created.
 * <p>
 * Written by hand: Camel has no policy for what a route file may reference (its security policies are about
 * who may call a route, not about what a route may do).
 */
public final class RouteRules {

    /** The components of the product's own routes. */
    static final Set<String> COMPONENTS = Set.of("file", "timer", "direct", "cxf", "xslt", "log");

    /** The keys whose value is an endpoint's address. */
    private static final Set<String> ENDPOINT_KEYS = Set.of("uri", "to", "toD", "from", "wireTap", "enrich",
            "pollEnrich", "deadLetterUri");
    /** Keys and language names that run code or make objects of any class. */
    private static final Set<String> CODE = Set.of("groovy", "joor", "java", "js", "javaScript", "python", "mvel",
            "ognl", "spel", "script", "beanType", "scriptBean", "datasonnet", "wasm");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern HASH_REF = Pattern.compile("(?:^|[\\s=&?,])#(?:bean:)?([A-Za-z_][\\w]*)");
    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z_][\\w]*)");
    private static final Pattern SIMPLE_ENV = Pattern.compile("\\$\\{(?:sysenv|env)[.:]([\\w.]+)");
    private static final Pattern SIMPLE_SYS = Pattern.compile("\\$\\{sys[.:]([\\w.]+)");
    /** ${properties:key[:default]}: a placeholder read by the simple language. */
    private static final Pattern SIMPLE_PROPERTIES = Pattern.compile("\\$\\{properties(?:Exist)?:([^}]+)}");
    private static final Pattern CLASS_ACCESS = Pattern.compile(
            "#class:|#type:|\\$\\{type:|getClass|forName|getRuntime|ClassLoader|ProcessBuilder"
            + "|java\\.lang\\.(?:Runtime|System|Thread|Class|reflect|invoke)\\b");
    /** Camel's placeholder functions; all but the product's {@code secret} reach outside the product's settings. */
    private static final Set<String> FUNCTIONS = Set.of("env", "sys", "sysenv", "secret", "bean", "ref", "service",
            "service.host", "service.name", "service.port", "kubernetes", "configmap", "secret-binary");

    private final Set<String> beans;
    private final Set<String> properties;

    /** {@code beans}: the names the product binds; {@code properties}: the placeholders it defines. */
    RouteRules(Set<String> beans, Set<String> properties) {
        this.beans = new TreeSet<>(beans);
        this.properties = Set.copyOf(properties);
    }

    /**
     * The file's problems, each "line N: reason"; empty when it keeps to the rules. The file is read as YAML (keys
     * quoted or not, flow or block style, anchors, block scalars all come out the same), then every key and every
     * text in it is checked.
     */
    List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        try {
            Compose yaml = new Compose(LoadSettings.builder().setMaxAliasesForCollections(50).build());
            Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Node document : yaml.composeAllFromString(text)) {
                walk(document, null, seen, problems);
            }
        } catch (YamlEngineException e) {
            problems.add("line " + lineOf(e) + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return problems;
    }

    private static int lineOf(YamlEngineException e) {
        return e instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()
                ? m.getProblemMark().get().getLine() + 1 : 1;
    }

    /** {@code key}: the key this node is the value of, or null. */
    private void walk(Node node, String key, Set<Node> seen, List<String> problems) {
        if (!seen.add(node)) {
            return; // an alias of a node checked already
        }
        String at = "line " + node.getStartMark().map(m -> m.getLine() + 1).orElse(1) + ": ";
        if (node instanceof ScalarNode scalar) {
            value(key, scalar.getValue(), at, problems);
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                walk(item, key, seen, problems);
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                // Camel's YAML reads bean-type as beanType: check the name it will see
                String name = t.getKeyNode() instanceof ScalarNode k ? camel(k.getValue()) : null;
                if (name == null) {
                    walk(t.getKeyNode(), null, seen, problems);
                } else {
                    String keyAt = "line " + t.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(1) + ": ";
                    key(name, key, keyAt, problems);
                    value(null, name, keyAt, problems);
                }
                walk(t.getValueNode(), name, seen, problems);
            }
        }
    }

    /** A key as Camel's YAML DSL reads it: {@code bean-type} is {@code beanType}. */
    private static String camel(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A key: what it may not name, given the key of the mapping it is in ({@code parent}). */
    private void key(String name, String parent, String at, List<String> problems) {
        if (name.equals("beans")) {
            problems.add(at + "a route file may not define beans; the product's are " + beans);
        } else if (CODE.contains(name) || ("bean".equals(parent) && name.equals("type"))) {
            problems.add(at + "\"" + name + "\" runs code or makes objects of any class: not allowed in route files");
        }
    }

    /** A text, as the value of {@code key} (null for a key's own name or an item without a key). */
    private void value(String key, String raw, String at, List<String> problems) {
        // the simple language takes $simple{…} as well as ${…}
        String text = raw.replace("$simple{", "${");
        if (key != null && ENDPOINT_KEYS.contains(key)) {
            int colon = text.indexOf(':');
            String scheme = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            if (colon > 0 && !COMPONENTS.contains(scheme) && !scheme.startsWith("$")) {
                problems.add(at + "the component \"" + scheme + ":\" is not allowed; route files may use "
                        + new TreeSet<>(COMPONENTS));
            }
        }
        if (("ref".equals(key) || "language".equals(key)) && !text.isBlank()) {
            if ("ref".equals(key)) {
                beanAllowed(text.strip(), at, problems);
            } else if (CODE.contains(text.strip())) {
                problems.add(at + "the language \"" + text.strip() + "\" runs code: not allowed in route files");
            }
        }
        Matcher m = CLASS_ACCESS.matcher(text);
        if (m.find()) {
            problems.add(at + "\"" + m.group() + "\" reaches Java classes: not allowed in route files");
        }
        m = HASH_REF.matcher(text);
        while (m.find()) {
            beanAllowed(m.group(1), at, problems);
        }
        m = SIMPLE_BEAN.matcher(text);
        while (m.find()) {
            beanAllowed(m.group(1), at, problems);
        }
        m = SIMPLE_ENV.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("GUANXI_")) {
                problems.add(at + "the environment variable " + m.group(1) + " may not be read (only GUANXI_*)");
            }
        }
        m = SIMPLE_SYS.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("guanxi.")) {
                problems.add(at + "the system property " + m.group(1) + " may not be read (only guanxi.*)");
            }
        }
        m = SIMPLE_PROPERTIES.matcher(text);
        while (m.find()) {
            String problem = placeholder(m.group(1).strip());
            if (problem != null) {
                problems.add(at + problem);
            }
        }
        m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String problem = placeholder(m.group(1).strip());
            if (problem != null) {
                problems.add(at + problem);
            }
        }
    }

    private void beanAllowed(String name, String at, List<String> problems) {
        if (!beans.contains(name)) {
            problems.add(at + "the bean \"" + name + "\" is not one of the product's " + beans);
        }
    }

    /** Why a placeholder may not be used, or null. */
    private String placeholder(String inner) {
        int colon = inner.indexOf(':');
        String function = colon < 0 ? null : inner.substring(0, colon);
        String name = colon < 0 ? inner : inner.substring(colon + 1);
        if (function == null || !FUNCTIONS.contains(function)) {
            // a property, perhaps with a default after the colon
            String key = function == null ? name : function;
            // only the product's own: Camel would look an unknown one up in the system properties and environment
            return properties.contains(key) ? null
                    : "the placeholder {{" + key + "}} is not one of the product's settings (define it in "
                            + IntegrationSettings.FILE + ")";
        }
        return switch (function) {
            case "secret" -> null;
            case "env", "sysenv" -> name.startsWith("GUANXI_") ? null
                    : "the environment variable " + name + " may not be read (only GUANXI_*)";
            case "sys" -> name.startsWith("guanxi.") ? null
                    : "the system property " + name + " may not be read (only guanxi.*)";
            default -> "the placeholder function \"" + function + ":\" is not allowed in route files";
        };
    }

    /**
     * Keeps a Camel context to the allowed components: another one is refused before it is made (the {@code class}
     * component, for one, would make an object of any class and set its properties while making its endpoint),
     * whether a route file names it or a message's header does at run time.
     */
    public static void confine(org.apache.camel.CamelContext context) {
        org.apache.camel.spi.ComponentResolver resolver = new org.apache.camel.impl.engine.DefaultComponentResolver();
        context.getCamelContextExtension().addContextPlugin(org.apache.camel.spi.ComponentResolver.class,
                (name, camel) -> {
                    // the bean EIP needs the bean component itself; a bean: endpoint stays refused (endpointGuard)
                    if (!COMPONENTS.contains(name.toLowerCase(Locale.ROOT)) && !name.equals("bean")) {
                        throw new IllegalArgumentException("the component \"" + name + ":\" is not allowed; route files may use "
                                + new TreeSet<>(COMPONENTS));
                    }
                    return resolver.resolveComponent(name, camel);
                });
        context.getCamelContextExtension().registerEndpointCallback(endpointGuard());
    }

    /** Refuses, when it is made, an endpoint of a component route files may not use (dynamic endpoints included). */
    public static EndpointStrategy endpointGuard() {
        return (uri, endpoint) -> {
            int colon = uri.indexOf(':');
            String scheme = (colon < 0 ? uri : uri.substring(0, colon)).toLowerCase(Locale.ROOT);
            if (!COMPONENTS.contains(scheme)) {
                throw new IllegalArgumentException("the component \"" + scheme + ":\" is not allowed; route files may use "
                        + new TreeSet<>(COMPONENTS));
            }
            return endpoint;
        };
    }
}
