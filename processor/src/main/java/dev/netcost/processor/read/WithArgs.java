package dev.netcost.processor.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code "name = expression"} entries of {@code @With(args = ...)}. */
final class WithArgs {
    /** A name, then one {@code =} that is not the start of {@code ==}, then the expression. */
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*=(?!=)(.*)", Pattern.DOTALL);

    private WithArgs() {}

    static Optional<String> name(String entry) {
        Matcher m = ENTRY.matcher(entry);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> expression(String entry) {
        Matcher m = ENTRY.matcher(entry);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
