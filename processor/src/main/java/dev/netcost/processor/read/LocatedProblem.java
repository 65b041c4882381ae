package dev.netcost.processor.read;

import dev.netcost.processor.model.ProblemKind;

/** A problem with its place in the source, ready to print. */
public record LocatedProblem(ProblemKind kind, SourceLocation location, String message) {}
