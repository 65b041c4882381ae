package dev.netcost.processor;

import dev.netcost.processor.write.Report;
import java.util.EnumSet;
import java.util.Map;
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

    /** Reads the options; a value it does not know is a warning, and the rest still apply. */
    static ProcessorOptions parse(Map<String, String> options, Consumer<String> warn) {
        Set<Report> reports = EnumSet.allOf(Report.class);
        String value = options.get(REPORTS);
        if (value != null) {
            reports = EnumSet.noneOf(Report.class);
            for (String token : value.split(",")) {
                String name = token.strip();
                if (name.equals("none") || name.isEmpty()) {
                    continue;
                }
                Report found = null;
                for (Report report : Report.values()) {
                    if (report.extension().equals(name)) {
                        found = report;
                    }
                }
                if (found == null) {
                    warn.accept("[netcost:option] -A" + REPORTS + ": unknown report `" + name + "`; use json, md,"
                            + " dot or none, separated by commas");
                } else {
                    reports.add(found);
                }
            }
        }
        String print = options.get(PRINT);
        if (print != null && !print.equals("true") && !print.equals("false")) {
            warn.accept("[netcost:option] -A" + PRINT + "=" + print + ": use true or false");
        }
        return new ProcessorOptions(reports, "true".equals(print));
    }
}
