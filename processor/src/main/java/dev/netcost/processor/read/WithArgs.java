package dev.netcost.processor.read;

import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The entries of {@code @With}: its named elements and its {@code "name = expression"} args. */
final class WithArgs {
    private WithArgs() {}

    /**
     * An args entry split at its {@code =}: a name, then one {@code =} that is not the start of
     * {@code ==}, then the expression. Scanned by hand rather than by a regular expression, which
     * a cold compile pays for in its JIT (docs/architecture.md).
     */
    record Entry(String name, String expression) {
        static Optional<Entry> of(String entry) {
            int at = skipSpace(entry, 0);
            if (at == entry.length() || !Character.isJavaIdentifierStart(entry.codePointAt(at))) {
                return Optional.empty();
            }
            int start = at;
            at += Character.charCount(entry.codePointAt(at));
            while (at < entry.length() && Character.isJavaIdentifierPart(entry.codePointAt(at))) {
                at += Character.charCount(entry.codePointAt(at));
            }
            int end = at;
            at = skipSpace(entry, at);
            if (at == entry.length() || entry.charAt(at) != '='
                    || at + 1 < entry.length() && entry.charAt(at + 1) == '=') {
                return Optional.empty();
            }
            return Optional.of(new Entry(entry.substring(start, end), entry.substring(at + 1)));
        }

        /** Past the whitespace from {@code at}: what {@code \s} matches, space, tab, line ends, form feed. */
        private static int skipSpace(String text, int at) {
            while (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return at;
        }
    }

    static Optional<String> name(String entry) {
        Optional<Entry> split = Entry.of(entry);
        return split.isPresent() ? Optional.of(split.get().name()) : Optional.empty();
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
            Optional<Entry> entry = Entry.of(arg);
            if (entry.isEmpty()) {
                problems.add(LocatedProblem.of(Message.WITH_ARGS_ENTRY_MALFORMED, args, field, arg));
                return Optional.empty();
            }
            if (entries.put(entry.get().name(), entry.get().expression()) != null) {
                problems.add(LocatedProblem.of(Message.WITH_ARGS_GIVEN_TWICE, args, field, entry.get().name()));
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
