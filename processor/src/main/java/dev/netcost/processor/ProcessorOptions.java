package dev.netcost.processor;

import dev.netcost.processor.model.Message;
import dev.netcost.processor.write.Report;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The processor's options, as javac passes them ({@code -Anetcost.reports=json,md}).
 *
 * @param reports which reports to write beside the classes; all of them unless the option says
 * @param print   {@code -Anetcost.print=true}: print each network's summary as a compiler note
 */
record ProcessorOptions(Set<Report> reports, boolean print) {
    static final String REPORTS = "netcost.reports";
    static final String PRINT = "netcost.print";
    static final Set<String> NAMES = Set.of(REPORTS, PRINT);
    private static final String NONE = "none";

    /**
     * Reads the options; a value it does not know is a warning, and the rest still apply. Names
     * match whatever their case ({@code JSON}, {@code True}). A reports value that names no
     * report and is not {@code none} keeps the default, every report, so that a typo costs a
     * warning rather than the reports.
     */
    static ProcessorOptions parse(Map<String, String> options, Consumer<String> warn) {
        return new ProcessorOptions(reports(options, warn), print(options, warn));
    }

    private static Set<Report> reports(Map<String, String> options, Consumer<String> warn) {
        if (!options.containsKey(REPORTS)) {
            return EnumSet.allOf(Report.class);
        }
        // javac passes -Anetcost.reports, without "=", as null.
        String value = Optional.ofNullable(options.get(REPORTS)).orElse("");
        Set<Report> reports = EnumSet.noneOf(Report.class);
        List<String> unknown = new ArrayList<>();
        boolean none = false;
        for (String token : value.split(",")) {
            String name = token.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equalsIgnoreCase(NONE)) {
                none = true;
                continue;
            }
            Optional<Report> report = report(name);
            if (report.isPresent()) {
                reports.add(report.get());
            } else {
                unknown.add(name);
            }
        }
        if (!reports.isEmpty() || none) {
            if (!unknown.isEmpty()) {
                warn.accept(unknownReports(Message.UNKNOWN_REPORT, Message.UNKNOWN_REPORTS, unknown));
            }
            return reports;
        }
        warn.accept(unknown.isEmpty() ? Message.NO_REPORT_NAMED.format(REPORTS)
                : unknownReports(Message.ONLY_UNKNOWN_REPORT, Message.ONLY_UNKNOWN_REPORTS, unknown));
        return EnumSet.allOf(Report.class);
    }

    private static Optional<Report> report(String name) {
        for (Report report : Report.values()) {
            if (report.option().equalsIgnoreCase(name)) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    private static boolean print(Map<String, String> options, Consumer<String> warn) {
        if (!options.containsKey(PRINT)) {
            return false;
        }
        String value = options.get(PRINT);
        if (value == null || value.isBlank()) {
            warn.accept(Message.PRINT_WITHOUT_VALUE.format(PRINT));
            return false;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
            warn.accept(Message.PRINT_NOT_BOOLEAN.format(PRINT, value));
        }
        return word.equals("true");
    }

    /**
     * The warning about report names netcost does not know, worded by {@code one} for a single
     * name and by {@code several}, which takes them quoted and joined ({@code `xml` and `pdf`}).
     */
    private static String unknownReports(Message one, Message several, List<String> names) {
        if (names.size() == 1) {
            return one.format(REPORTS, names.get(0));
        }
        List<String> quoted = new ArrayList<>(names.size());
        for (String name : names) {
            quoted.add("`" + name + "`");
        }
        return several.format(REPORTS, String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and "
                + quoted.get(quoted.size() - 1));
    }
}
