package dev.netcost.processor.read;

import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The entries of {@code @With}: its named elements and its {@code "name = expression"} args. */
final class WithArgs {
    /** A name, then one {@code =} that is not the start of {@code ==}, then the expression. */
    private static final Pattern ENTRY = Pattern.compile(
            "\\s*(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\s*=(?!=)(.*)", Pattern.DOTALL);

    private WithArgs() {}

    static Optional<String> name(String entry) {
        Matcher m = ENTRY.matcher(entry);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> expression(String entry) {
        Matcher m = ENTRY.matcher(entry);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /**
     * {@code @With}'s expressions by name, unparsed; empty (with a problem) when an args entry is
     * malformed or two entries give the same name.
     */
    static Optional<Map<String, String>> entries(String field, SourceMap.Field source, List<LocatedProblem> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (source.with().isEmpty()) {
            return Optional.of(entries);
        }
        AnnotationValues with = source.with().get().values();
        for (String written : with.writtenNames()) {
            if (!written.equals("args")) {
                entries.put(written, with.string(written));
            }
        }
        SourceLocation args = new SourceLocation(source.element(), source.with().get().mirror(), with.written("args"));
        for (String arg : with.strings("args")) {
            Optional<String> name = name(arg);
            if (name.isEmpty()) {
                problems.add(LocatedProblem.of(Message.WITH_ARGS_ENTRY_MALFORMED, args, field, arg));
                return Optional.empty();
            }
            if (entries.put(name.get(), expression(arg).orElseThrow()) != null) {
                problems.add(LocatedProblem.of(Message.WITH_ARGS_GIVEN_TWICE, args, field, name.get()));
                return Optional.empty();
            }
        }
        return Optional.of(entries);
    }

    /** The parsed expression, or empty with a problem placed {@code where}. */
    static Optional<AttrValue.Expression> parse(String text, SourceLocation where, String what,
            List<LocatedProblem> problems) {
        return parse(text, where, what, problems, false);
    }

    /** @param perDimension whether {@code "1, k"}, one value per dimension, is allowed */
    static Optional<AttrValue.Expression> parse(String text, SourceLocation where, String what,
            List<LocatedProblem> problems, boolean perDimension) {
        try {
            return Optional.of(new AttrValue.Expression(perDimension ? ExprParser.parseList(text)
                    : ExprParser.parse(text), text.strip()));
        } catch (ExprException e) {
            problems.add(LocatedProblem.of(Message.EXPRESSION_INVALID, where, what, text, e.getMessage()));
            return Optional.empty();
        }
    }
}
