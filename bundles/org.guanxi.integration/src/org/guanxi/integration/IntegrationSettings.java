package org.guanxi.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.guanxi.core.service.Outbox.RetryPolicy;

/**
 * The integration's configuration: {@code $GUANXI_HOME/integration.properties} over the defaults below, each also
 * settable as a system property {@code guanxi.<key>}. Route files see every key as a property placeholder
 * ({@code {{erp.url}}}), plus {@code guanxi.home} and {@code guanxi.routes}. Passwords are not kept here: route files
 * name them as {@code {{secret:NAME}}} and they come from the secret store.
 */
public final class IntegrationSettings {

    public static final String FILE = "integration.properties";
    /** The fake ERP's port when the simulators run; erp.url points there by default. */
    public static final int SIMULATOR_PORT = 18080;

    private static final List<String[]> DEFAULTS = List.of(
            new String[] { "erp.contract", "guanxi" },
            new String[] { "erp.url", "http://127.0.0.1:" + SIMULATOR_PORT + "/erp" },
            new String[] { "erp.relay.period", "200" },
            new String[] { "erp.relay.batch", "200" },
            new String[] { "erp.updates.period", "5000" },
            new String[] { "erp.retry.firstDelay", "2000" },
            new String[] { "erp.retry.maxDelay", "600000" },
            new String[] { "erp.retry.maxAttempts", "12" },
            new String[] { "idempiere.url", "http://127.0.0.1:" + SIMULATOR_PORT + "/ADInterface/services/compositeInterface" },
            new String[] { "idempiere.user", "WebService" },
            new String[] { "idempiere.lang", "zh_CN" },
            new String[] { "idempiere.clientId", "11" },
            new String[] { "idempiere.roleId", "50004" },
            new String[] { "idempiere.orgId", "11" },
            new String[] { "idempiere.warehouseId", "103" },
            new String[] { "idempiere.docTypeId", "132" },
            new String[] { "idempiere.bpGroupId", "104" },
            // auto: the simulators run when the active contract's address is still the simulator's (a demo)
            new String[] { "simulators", "auto" },
            new String[] { "simulators.pace", "30000" },
            // inbox files: quiet time before a file without marker counts as complete; largest file taken
            new String[] { "inbox.stableSeconds", "10" },
            new String[] { "inbox.maxMegabytes", "100" },
            new String[] { "sms.relay.period", "2000" },
            // route files may use only the product's components, beans and settings unless this is true
            new String[] { "routes.unrestricted", "false" });

    private final Properties values;

    private IntegrationSettings(Properties values) {
        this.values = values;
    }

    public static IntegrationSettings load(Path home) {
        Properties p = new Properties();
        DEFAULTS.forEach(d -> p.setProperty(d[0], d[1]));
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                Properties user = new Properties();
                user.load(in);
                user.forEach((k, v) -> p.setProperty(k.toString().strip(), v.toString().strip()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        for (String key : p.stringPropertyNames()) {
            String system = System.getProperty("guanxi." + key);
            if (system != null && !system.isBlank()) {
                p.setProperty(key, system.strip());
            }
        }
        String contract = p.getProperty("erp.contract");
        if (!contract.equals("guanxi") && !contract.equals("idempiere")) {
            throw new IllegalArgumentException(file + ": erp.contract must be guanxi or idempiere, not " + contract);
        }
        // switches for routes that run only with one contract (autoStartup: "{{erp.guanxi}}")
        p.setProperty("erp.guanxi", Boolean.toString(contract.equals("guanxi")));
        p.setProperty("erp.idempiere", Boolean.toString(contract.equals("idempiere")));
        return new IntegrationSettings(p);
    }

    /** Everything route files may use as placeholders. */
    public Properties placeholders() {
        Properties copy = new Properties();
        copy.putAll(values);
        return copy;
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    /** Whether an integration administrator allowed route files to use any component, class or command. */
    public boolean unrestrictedRoutes() {
        return Boolean.parseBoolean(get("routes.unrestricted"));
    }

    public boolean simulators() {
        String v = get("simulators");
        if (!"auto".equals(v)) {
            return Boolean.parseBoolean(v);
        }
        String url = get(Boolean.parseBoolean(get("erp.idempiere")) ? "idempiere.url" : "erp.url");
        return url.startsWith("http://127.0.0.1:" + SIMULATOR_PORT + "/");
    }

    public Duration simulatorPace() {
        return Duration.ofMillis(Long.parseLong(get("simulators.pace")));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofMillis(Long.parseLong(get("erp.retry.firstDelay"))),
                Duration.ofMillis(Long.parseLong(get("erp.retry.maxDelay"))), Integer.parseInt(get("erp.retry.maxAttempts")));
    }
}
