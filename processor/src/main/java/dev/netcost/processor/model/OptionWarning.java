package dev.netcost.processor.model;

/**
 * The id of a warning about a {@code -A} option the processor was given: about no declaration,
 * so neither an error nor a lint, and not suppressible.
 */
public enum OptionWarning implements DiagnosticId {
    /** An option value netcost does not know; the rest of the options still apply. */
    OPTION("option");

    private final String id;

    OptionWarning(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
