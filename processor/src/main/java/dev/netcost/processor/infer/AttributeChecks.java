package dev.netcost.processor.infer;

import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link dev.netcost.processor.model.Computation#validate()} on every layer of the network whose
 * attributes are all constants: checks that need no input.
 */
final class AttributeChecks {
    private AttributeChecks() {}

    /** The network's own layers'. */
    static List<Problem> network(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        for (NodeDecl node : network.nodes()) {
            problems.addAll(layer(node));
        }
        return problems;
    }

    /** One field of the network's. */
    static List<Problem> layer(NodeDecl node) {
        List<Problem> problems = new ArrayList<>();
        for (Fault fault : faults(node)) {
            problems.add(Problem.onLayer(node.index(), fault));
        }
        return problems;
    }

    /** {@code conv: out = 0 must be at least 1}. */
    private static List<Fault> faults(NodeDecl node) {
        List<Fault> faults = new ArrayList<>();
        if (node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.Fixed fixed) {
            for (Fault fault : fixed.op().validate()) {
                faults.add(fault.withMessage(node.name() + ": " + fault.message()));
            }
        }
        return faults;
    }
}
