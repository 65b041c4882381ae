package dev.netcost.processor;

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
                warn.accept(Messages.unknownReports(unknown));
            }
            return reports;
        }
        warn.accept(unknown.isEmpty() ? Messages.noReportNamed() : Messages.onlyUnknownReports(unknown));
        return EnumSet.allOf(Report.class);
    }

    private static Optional<Report> report(String name) {
        for (Report report : Report.values()) {
            if (report.extension().equalsIgnoreCase(name)) {
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
            warn.accept(Messages.printEmpty());
            return false;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
            warn.accept(Messages.printUnknown(value));
        }
        return word.equals("true");
    }

    /** The option warnings' texts, in one place. */
    static final class Messages {
        private static final String PREFIX = "[netcost:option] -A";
        private static final String USE_REPORTS = "use json, md, dot or none, separated by commas";
        private static final String DEFAULT_KEPT = "so netcost writes every report (json, md, dot)";

        private Messages() {}

        /** {@code json,xml}: the valid names apply. */
        static String unknownReports(List<String> names) {
            return PREFIX + REPORTS + ": " + unknown(names) + "; " + USE_REPORTS;
        }

        /** {@code xml}: nothing valid is left, and the default stays. */
        static String onlyUnknownReports(List<String> names) {
            return PREFIX + REPORTS + ": " + unknown(names) + " and no other report is named, " + DEFAULT_KEPT + "; "
                    + USE_REPORTS;
        }

        /** {@code -Anetcost.reports=} or {@code -Anetcost.reports}. */
        static String noReportNamed() {
            return PREFIX + REPORTS + " names no report, " + DEFAULT_KEPT + "; " + USE_REPORTS;
        }

        static String printEmpty() {
            return PREFIX + PRINT + " has no value, so netcost prints no summary; use true or false";
        }

        static String printUnknown(String value) {
            return PREFIX + PRINT + "=" + value + ": use true or false";
        }

        /** {@code unknown report `xml`}, {@code unknown reports `xml` and `pdf`}. */
        private static String unknown(List<String> names) {
            List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
            String list = quoted.size() == 1 ? quoted.get(0) : String.join(", ", quoted.subList(0, quoted.size() - 1))
                    + " and " + quoted.get(quoted.size() - 1);
            return "unknown report" + (names.size() == 1 ? " " : "s ") + list;
        }
    }
}
