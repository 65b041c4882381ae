package dev.netcost.processor.infer;

import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link dev.netcost.processor.model.Computation#validate()} on every layer whose attributes are
 * all constants: checks that need no input. A constant in a block's {@code Layers} class is the
 * block author's, the same in every use, so its mistakes are placed in the block, once, however
 * many fields and networks use it ({@link Problem#inBlock}).
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

    /** Every block's, each block once, in the order of their qualified names. */
    static List<Problem> blocks(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        for (BlockDecl block : DeclarationChecks.byQualifiedName(network)) {
            for (NodeDecl node : block.nodes()) {
                for (Fault fault : faults(node)) {
                    problems.add(Problem.inBlock(block.qualifiedName(), node.index(), fault));
                }
            }
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
