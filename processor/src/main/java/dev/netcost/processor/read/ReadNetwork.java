package dev.netcost.processor.read;

import dev.netcost.processor.model.NetworkDecl;
import java.util.List;

/**
 * A network class as read: its declaration, where each part of it stands, the problems found
 * while reading, and what javac could not resolve. A network with anything unresolved is not
 * analysed: javac reports what it could not resolve, and the processor defers the network to the
 * next round, where a constant generated meanwhile may resolve it.
 */
public record ReadNetwork(NetworkDecl decl, SourceMap sources, List<LocatedProblem> problems,
        List<Unresolved> unresolved) {
    public ReadNetwork {
        problems = List.copyOf(problems);
        unresolved = List.copyOf(unresolved);
    }

    /** Whether javac resolved everything netcost reads. */
    public boolean complete() {
        return unresolved.isEmpty();
    }
}
