package org.guanxi.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.spi.EndpointStrategy;

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

    private static final Pattern ENDPOINT = Pattern.compile(
            "\\b(?:uri|to|toD|from|wireTap|enrich|pollEnrich|deadLetterUri)\\s*:\\s*[\"']?([A-Za-z][\\w+.-]*):");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern BEAN_REF = Pattern.compile("(?:\\bref\\s*:\\s*[\"']?|[\"'\\s=]#(?:bean:)?)([A-Za-z_][\\w]*)");
    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z_][\\w]*)");
    private static final Pattern SIMPLE_ENV = Pattern.compile("\\$\\{(?:sysenv|env)[.:]([\\w.]+)");
    private static final Pattern SIMPLE_SYS = Pattern.compile("\\$\\{sys[.:]([\\w.]+)");
    private static final Pattern SCRIPT = Pattern.compile(
            "^\\s*-?\\s*(groovy|joor|java|js|javaScript|python|mvel|ognl|spel|script|beanType|scriptBean)\\s*:");
    private static final Pattern BEANS = Pattern.compile("^\\s*-?\\s*beans\\s*:");
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

    /** The file's problems, each "line N: reason"; empty when it keeps to the rules. */
    List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("#")) {
                continue; // a comment
            }
            String at = "line " + (i + 1) + ": ";
            if (BEANS.matcher(line).find()) {
                problems.add(at + "a route file may not define beans; the product's are " + beans);
            }
            Matcher m = SCRIPT.matcher(line);
            if (m.find()) {
                problems.add(at + "\"" + m.group(1) + "\" runs code or makes objects of any class: not allowed in route files");
            }
            m = CLASS_ACCESS.matcher(line);
            if (m.find()) {
                problems.add(at + "\"" + m.group() + "\" reaches Java classes: not allowed in route files");
            }
            m = ENDPOINT.matcher(line);
            while (m.find()) {
                String scheme = m.group(1).toLowerCase(Locale.ROOT);
                if (!COMPONENTS.contains(scheme)) {
                    problems.add(at + "the component \"" + scheme + ":\" is not allowed; route files may use "
                            + new TreeSet<>(COMPONENTS));
                }
            }
            m = BEAN_REF.matcher(line);
            while (m.find()) {
                beanAllowed(m.group(1), at, problems);
            }
            m = SIMPLE_BEAN.matcher(line);
            while (m.find()) {
                beanAllowed(m.group(1), at, problems);
            }
            m = SIMPLE_ENV.matcher(line);
            while (m.find()) {
                if (!m.group(1).startsWith("GUANXI_")) {
                    problems.add(at + "the environment variable " + m.group(1) + " may not be read (only GUANXI_*)");
                }
            }
            m = SIMPLE_SYS.matcher(line);
            while (m.find()) {
                if (!m.group(1).startsWith("guanxi.")) {
                    problems.add(at + "the system property " + m.group(1) + " may not be read (only guanxi.*)");
                }
            }
            m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                String problem = placeholder(m.group(1).strip());
                if (problem != null) {
                    problems.add(at + problem);
                }
            }
        }
        return problems;
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
            return properties.contains(key) || key.startsWith("guanxi.") || key.startsWith("GUANXI_") ? null
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
