package dev.netcost.processor.read;

/**
 * An annotation value that javac could not resolve (an unknown constant, a missing required
 * value). Javac reports those itself; netcost defers the network to a later round, where a
 * constant another processor generates may have appeared (see {@link Unresolved}).
 */
final class UnreadableValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The annotation element whose value javac could not resolve: {@code out}. */
    private final String element;

    UnreadableValueException(String element, String message) {
        super(message, null, false, false);
        this.element = element;
    }

    String element() {
        return element;
    }
}
