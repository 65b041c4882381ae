package dev.netcost.processor.model;

/**
 * The warnings netcost gives about networks that compile but waste something: their ids, whose
 * texts are {@link Message}'s. Each id is stable: it prefixes the message
 * ({@code [netcost:dead-branch] ...}), and {@code @SuppressWarnings("netcost:dead-branch")} on the
 * field or an enclosing class silences it.
 */
public enum Lint implements DiagnosticId {
    /** A convolution with a bias straight into batch norm, which subtracts it again. */
    BIAS_BEFORE_NORM("bias-before-norm"),
    /** A window op whose output size rounds down, leaving the input's last rows unread. */
    UNREAD_INPUT("unread-input"),
    /** A window op whose window, at some output positions, reads nothing but padding. */
    PADDING_ONLY("padding-only"),
    /** A field whose output nothing reads. */
    DEAD_BRANCH("dead-branch"),
    /** A {@code @Linear} with more than half of the network's parameters. */
    HEAVY_CLASSIFIER("heavy-classifier");

    private final String id;

    Lint(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** What {@code @SuppressWarnings} takes: {@code netcost:dead-branch}. */
    public String suppression() {
        return "netcost:" + id;
    }
}
