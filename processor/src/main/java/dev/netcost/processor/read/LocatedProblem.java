package dev.netcost.processor.read;

import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.ProblemKind;

/** A problem with its place in the source, ready to print. */
public record LocatedProblem(ProblemKind kind, SourceLocation location, String message) {
    /** The catalogue's {@code message} for these values, placed {@code where}. */
    public static LocatedProblem of(Message message, SourceLocation where, Object... values) {
        return new LocatedProblem(message.kind(), where, message.text(values));
    }
}
