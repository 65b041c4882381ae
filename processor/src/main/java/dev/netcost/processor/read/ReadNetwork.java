package dev.netcost.processor.read;

import dev.netcost.processor.model.NetworkDecl;
import java.util.List;

/**
 * A network class as read: its declaration, where each part of it stands, and the problems
 * found while reading. {@code complete} is false when javac itself could not resolve a value:
 * javac reports that, and the network is not analysed further.
 */
public record ReadNetwork(NetworkDecl decl, SourceMap sources, List<LocatedProblem> problems, boolean complete) {
    public ReadNetwork {
        problems = List.copyOf(problems);
    }
}
