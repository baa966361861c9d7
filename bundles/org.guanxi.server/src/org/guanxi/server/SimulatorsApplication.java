package org.guanxi.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.Logging;
import org.guanxi.integration.IntegrationSettings;
import org.guanxi.integration.simulator.FakeErp;

/**
 * The fake ERP in a process of its own ({@code releng/guanxi simulators [--port N] [--pace SECONDS]}), so that it
 * outlives the server it talks to, as a real ERP does: for demos of team mode and for the crash test. Its journal
 * ({@code $GUANXI_HOME/simulators/erp/received.log}) records every order key it received and whether it was new.
 */
public class SimulatorsApplication implements IApplication {

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        List<String> args = ServerSettings.arguments(context);
        int port = Integer.parseInt(ServerSettings.option(args, "--port", String.valueOf(IntegrationSettings.SIMULATOR_PORT)));
        Duration pace = Duration.ofSeconds(Long.parseLong(ServerSettings.option(args, "--pace", "30")));
        context.applicationRunning();
        Logging.install("simulators");
        try (FakeErp erp = new FakeErp(GuanxiHome.resolve("simulators", "erp"), pace)) {
            System.out.println("Fake ERP: " + erp.start(port) + " (journal " + GuanxiHome.resolve("simulators", "erp") + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            FakeErp.Counts last = null;
            while (!stopped.await(5, TimeUnit.SECONDS)) {
                FakeErp.Counts now = erp.counts();
                if (!now.equals(last)) {
                    System.out.println("Fake ERP: received " + now.received() + ", distinct keys " + now.distinct()
                            + ", duplicates " + now.duplicates() + ", refused " + now.faults());
                    last = now;
                }
            }
        }
        return EXIT_OK;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
