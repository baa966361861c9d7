package org.guanxi.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.eclipse.equinox.app.IApplicationContext;
import org.guanxi.core.GuanxiHome;

/**
 * The server's part of {@code $GUANXI_HOME/guanxi.properties}, each also settable as {@code -Dguanxi.KEY} or on the
 * command line ({@code --node a}): {@code server.node} (host name and process id) naming this server among several,
 * {@code server.check} (milliseconds, 2000) how often a leader checks its database session.
 */
record ServerSettings(String node, Duration check) {

    static ServerSettings load(List<String> args) {
        Properties file = GuanxiHome.deployment();
        return new ServerSettings(option(args, "--node", GuanxiHome.deploymentValue(file, "server.node", defaultNode())),
                Duration.ofMillis(Long.parseLong(GuanxiHome.deploymentValue(file, "server.check", "2000"))));
    }

    /** The value after {@code name} among the launcher's arguments (which also carry the launcher's own options). */
    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    static List<String> arguments(IApplicationContext context) {
        return Arrays.asList((String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]));
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
