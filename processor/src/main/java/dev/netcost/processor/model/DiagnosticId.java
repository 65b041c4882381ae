package dev.netcost.processor.model;

/**
 * The id a diagnostic is printed under, {@code [netcost:channels] ...}: stable, so that users can
 * search for it, the README can list it and {@code @SuppressWarnings} can name a lint by it.
 * Sealed to the three families of diagnostics, each with its own place to be printed and its own
 * accessor on {@link Message}: errors ({@link ProblemKind}), lints ({@link Lint}) and warnings
 * about the processor's options ({@link OptionWarning}).
 */
public sealed interface DiagnosticId permits ProblemKind, Lint, OptionWarning {
    /** {@code channels}, {@code dead-branch}, {@code option}. */
    String id();

    /** The message as javac shows it: {@code [netcost:id] text}. */
    default String format(String text) {
        return "[netcost:" + id() + "] " + text;
    }
}
