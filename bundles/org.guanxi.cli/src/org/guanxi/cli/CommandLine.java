package org.guanxi.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.guanxi.core.Services;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.sales.api.OrderService;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.HeadlessCredentials;
import org.guanxi.core.service.CustomerImportService;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.ChurnService;

/**
 * Headless commands of the product for IT and batch work ({@code releng/guanxi import|analyze …}). They use the
 * same services as the desktop, print a summary, and exit 0 on success, 1 on bad input or failure, 2 on a usage
 * error.
 */
public class CommandLine implements IApplication {

    static final Texts TEXTS = Texts.of(CommandLine.class);
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("analyze", "backup", "import", "load", "migrate", "outbox", "privacy", "restore");

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        // the console is for results; progress and details go to the log file
        Logger.getLogger("").setLevel(Level.WARNING);
        return run(args, System.out, System.err);
    }

    @Override
    public void stop() {
        // commands run to completion
    }

    public int run(String[] rawArgs, PrintStream out, PrintStream err) {
        // the launcher passes its own options along; commands start at the first word we know
        String[] args = rawArgs;
        for (int i = 0; i < rawArgs.length; i++) {
            if (COMMANDS.contains(rawArgs[i])) {
                args = Arrays.copyOfRange(rawArgs, i, rawArgs.length);
                break;
            }
        }
        // every command takes a word after it, except outbox
        if (args.length == 0 || args.length == 1 && !args[0].equals("outbox")) {
            err.println(TEXTS.get("usage"));
            return 2;
        }
        try {
            if (args[0].equals("backup") || args[0].equals("restore")) {
                // PostgreSQL's own tools, not Guanxi's services: nothing to sign in to
                return new BackupCommand(out).run(args);
            }
            HeadlessCredentials.signIn(service(Database.class), service(SecurityService.class));
            return switch (args[0]) {
                case "analyze" -> analyze(args, out, err);
                case "import" -> new ImportCommand(() -> service(OrderImportService.class),
                        () -> service(CustomerImportService.class), out, err).run(args);
                case "load" -> new LoadCommand(service(DemoDataService.class), service(CustomerService.class),
                        service(CatalogService.class), service(OrderService.class), out).run(args);
                case "migrate" -> new MigrateCommand(service(Database.class), out).run(args);
                case "outbox" -> new OutboxCommand(service(Outbox.class), service(ErpPartnerSync.class), out).run(args);
                case "privacy" -> new PrivacyCommand(service(PrivacyService.class), out).run(args);
                default -> {
                    err.println(TEXTS.get("unknown", args[0]));
                    err.println(TEXTS.get("usage"));
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(TEXTS.get("usage"));
            return 2;
        } catch (GuanxiException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println(TEXTS.get("failed", e.getMessage()));
            return 1;
        } catch (NoClassDefFoundError e) {
            // a command of a module whose API package is not installed (the import is optional: the platform's
            // command line runs without the sales module)
            err.println(TEXTS.get("failed", TEXTS.get("notInstalled", String.valueOf(e.getMessage()).replace('/', '.'))));
            return 1;
        } catch (RuntimeException e) {
            // whatever else went wrong ends the command with 1 and says so, never with 0 and nothing
            Logger.getLogger(CommandLine.class.getName()).log(Level.SEVERE, "Command failed", e);
            err.println(TEXTS.get("failed", e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static int analyze(String[] args, PrintStream out, PrintStream err) {
        if ("pipeline".equals(args[1]) || "forecast".equals(args[1])) {
            return new SalesAnalyzeCommand(service(OpportunityService.class), service(ForecastService.class), out).run(args);
        }
        if (ServiceAnalyzeCommand.KINDS.contains(args[1])) {
            return new ServiceAnalyzeCommand(service(SurveyService.class), service(LoyaltyService.class),
                    service(ChurnService.class), out).run(args);
        }
        return new AnalyzeCommand(service(CustomerValueService.class), out, err).run(args);
    }

    /**
     * The service, once started; at once a clear error when no installed module provides it (the module of that
     * command was removed), instead of waiting in vain.
     */
    static <T> T service(Class<T> type) {
        if (!Services.provided(type)) {
            throw new IllegalStateException(TEXTS.get("notInstalled", type.getSimpleName()));
        }
        return Services.await(type);
    }

    /** A command line that does not fit the usage. */
    static class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
