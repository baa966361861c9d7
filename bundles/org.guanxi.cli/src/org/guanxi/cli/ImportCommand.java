package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.CustomerImportService;
import org.guanxi.core.service.CustomerImportService.Field;
import org.guanxi.core.service.CustomerImportService.Preview;
import org.guanxi.sales.api.LeadImportService;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.OrderImportService.Format;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.core.service.OrderImportService.Report;

/**
 * {@code import orders FILE [--map COLUMN=FIELD,...] [--format online-retail]},
 * {@code import customers FILE [--map COLUMN=FIELD,...] [--skip-duplicates]} and
 * {@code import leads FILE [--map COLUMN=FIELD,...] [--skip-duplicates]}: all lines or none, with a report of every
 * bad line.
 */
final class ImportCommand {

    // looked up when a kind needs them; the sales module's lead import only in leads(), so that importing customers or
    // orders does not need that module installed (naming its type in a lambda here would load it)
    private final Supplier<OrderImportService> orders;
    private final Supplier<CustomerImportService> customers;
    private final PrintStream out;
    private final PrintStream err;

    /** The options after the file. */
    private record Options(String map, boolean skipDuplicates, boolean onlineRetail) {

        static Options parse(String[] args, boolean orders) {
            String map = null;
            boolean skip = false;
            boolean onlineRetail = false;
            for (int i = 3; i < args.length; i++) {
                if (orders && args[i].equals("--format") && i + 1 < args.length && args[i + 1].equals("online-retail")) {
                    onlineRetail = true;
                    i++;
                } else if (!orders && args[i].equals("--skip-duplicates")) {
                    skip = true;
                } else if (args[i].equals("--map") && i + 1 < args.length) {
                    map = args[++i];
                } else {
                    throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
                }
            }
            return new Options(map, skip, onlineRetail);
        }
    }

    ImportCommand(Supplier<OrderImportService> orders, Supplier<CustomerImportService> customers, PrintStream out,
            PrintStream err) {
        this.orders = orders;
        this.customers = customers;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length < 2 || !List.of("orders", "customers", "leads").contains(args[1])) {
            throw new UsageException(CommandLine.TEXTS.get("unknown", String.join(" ", args)));
        }
        if (args.length < 3) {
            throw new UsageException(CommandLine.TEXTS.get("import.noFile", args[1]));
        }
        Path file = Path.of(args[2]);
        Options options = Options.parse(args, "orders".equals(args[1]));
        if (!Files.isRegularFile(file)) {
            err.println(CommandLine.TEXTS.get("import.missing", file.toAbsolutePath()));
            return 1;
        }
        return switch (args[1]) {
            case "customers" -> customers(file, options);
            case "leads" -> leads(file, options);
            default -> orders(file, options);
        };
    }

    private int orders(Path file, Options options) {
        Report r;
        if (options.onlineRetail()) {
            r = orders.get().importOrders(file, Format.ONLINE_RETAIL);
        } else {
            OrderImportService.Preview preview = orders.get().preview(file, 0);
            r = orders.get().importOrders(file, mapping(file, options, preview.headers(), preview.mapping(), OrderImportService.Field.class));
        }
        if (!r.ok()) {
            err.println(CommandLine.TEXTS.get("import.rejected", r.file(), r.problems().size()));
            printProblems(r.problems());
            return 1;
        }
        out.println(CommandLine.TEXTS.get("import.done", r.file(), r.millis()));
        for (String line : new String[] { CommandLine.TEXTS.get("import.lines", r.lines(), r.linesImported()),
                CommandLine.TEXTS.get("import.orders", r.orders(), r.returns(), r.skippedExisting()),
                CommandLine.TEXTS.get("import.created", r.customersCreated(), r.productsCreated()),
                CommandLine.TEXTS.get("import.noCustomer", r.skippedNoCustomer()) }) {
            out.println("  " + line);
        }
        return 0;
    }

    private int customers(Path file, Options options) {
        Preview preview = customers.get().preview(file, 0);
        Map<Integer, Field> mapping = mapping(file, options, preview.headers(), preview.mapping(), Field.class);
        CustomerImportService.Report r = customers.get().importCustomers(file, mapping, options.skipDuplicates(), n -> { });
        if (r.imported() == 0 && !r.problems().isEmpty()) {
            err.println(CommandLine.TEXTS.get("import.rejected", r.file(), r.problems().size()));
            printProblems(r.problems());
            return 1;
        }
        out.println(CommandLine.TEXTS.get("import.customersDone", r.file(), r.imported(), r.lines(), r.millis()));
        if (r.duplicatesSkipped() > 0) {
            out.println(CommandLine.TEXTS.get("import.skipped", r.duplicatesSkipped()));
            printProblems(r.problems());
        }
        return 0;
    }

    private int leads(Path file, Options options) {
        LeadImportService leads = CommandLine.service(LeadImportService.class);
        LeadImportService.Preview preview = leads.preview(file, 0);
        Map<Integer, LeadImportService.Field> mapping = mapping(file, options, preview.headers(), preview.mapping(),
                LeadImportService.Field.class);
        LeadImportService.Report r = leads.importLeads(file, mapping, options.skipDuplicates());
        if (!r.ok()) {
            err.println(CommandLine.TEXTS.get("import.rejected", r.file(), r.problems().size()));
            printProblems(r.problems());
            return 1;
        }
        out.println(CommandLine.TEXTS.get("import.leadsDone", r.file(), r.imported(), r.lines(), r.qualified(), r.millis()));
        if (r.duplicatesSkipped() > 0) {
            out.println(CommandLine.TEXTS.get("import.skipped", r.duplicatesSkipped()));
            printProblems(r.problems());
        }
        return 0;
    }

    /** The mapping given with --map, or else the proposed one; printed either way. */
    private <E extends Enum<E>> Map<Integer, E> mapping(Path file, Options options, List<String> headers,
            Map<Integer, E> proposed, Class<E> fields) {
        Map<Integer, E> mapping = options.map() == null ? proposed : mapping(options.map(), headers, fields);
        printMapping(file, headers, mapping);
        return mapping;
    }

    private void printProblems(List<Problem> problems) {
        for (Problem p : problems) {
            err.println(CommandLine.TEXTS.get("import.problem", p.file(), p.line(), p.field(), p.reason()));
        }
    }

    private void printMapping(Path file, List<String> headers, Map<Integer, ? extends Enum<?>> mapping) {
        out.println(CommandLine.TEXTS.get("import.mapping", file.getFileName()));
        for (int i = 0; i < headers.size(); i++) {
            Enum<?> f = mapping.get(i);
            out.println("  " + headers.get(i) + " -> " + (f == null ? CommandLine.TEXTS.get("import.ignored") : f));
        }
    }

    /** {@code 客户名称=NAME,手机=PHONE} or {@code 1=NAME,3=PHONE}: columns by header or by number (from 1). */
    private static <E extends Enum<E>> Map<Integer, E> mapping(String spec, List<String> headers, Class<E> fields) {
        Map<Integer, E> out = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new UsageException(CommandLine.TEXTS.get("import.badMap", pair));
            }
            String column = kv[0].strip();
            int index = column.matches("\\d+") ? Integer.parseInt(column) - 1 : headers.indexOf(column);
            if (index < 0 || index >= headers.size()) {
                throw new UsageException(CommandLine.TEXTS.get("import.noColumn", column, String.join(", ", headers)));
            }
            try {
                out.put(index, Enum.valueOf(fields, kv[1].strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(CommandLine.TEXTS.get("import.noField", kv[1].strip(),
                        java.util.Arrays.toString(fields.getEnumConstants())));
            }
        }
        return out;
    }
}
