package dev.netcost.processor.read;

/**
 * An annotation value that javac could not resolve (an unknown constant, a missing required
 * value). Javac reports those itself; netcost then skips the network without a second message.
 */
final class UnreadableValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableValueException(String message) {
        super(message, null, false, false);
    }
}
