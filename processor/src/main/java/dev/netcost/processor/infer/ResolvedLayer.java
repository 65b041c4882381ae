package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Merge;
import dev.netcost.processor.model.Problem;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One layer of the expanded graph: a layer field of the network or of one block instance, every
 * attribute a value, its inputs resolved to tensors. What the passes after block expansion read.
 *
 * @param path   the layer's name with the block instances around it: {@code layer3[0].conv2}
 * @param op     what it computes
 * @param inputs the tensors it reads; its messages say it is "on" the first
 * @param tie    {@code @Tied}: the layer whose weight it shares
 * @param place  where its problems are reported
 * @param trainingOnly whether it runs only in training: {@code @TrainingOnly}, or inside a block
 *     use that is
 * @param frozen whether its parameters get no gradient: {@code @Frozen} on it, or on a block use
 *     around it
 * @param copies how many copies of it the experts around it store and run per token
 */
record ResolvedLayer(String path, Computation op, List<Integer> inputs, Optional<Tie> tie, Place place,
        boolean trainingOnly, boolean frozen, ExpertCopies copies) {
    ResolvedLayer {
        inputs = List.copyOf(inputs);
    }

    /**
     * {@code @Tied("wte")} resolved in the layer's scope.
     *
     * @param source the name written
     * @param layer  the index of the layer of that name in the same scope; empty when its {@code @If}
     *     removed it
     */
    record Tie(String source, OptionalInt layer) {}

    /** {@code fault}, its message prefixed with where it happened: the path and, but for a merge, the input. */
    Problem problem(Shape in, Fault fault) {
        return place.problem(fault.withMessage(where(path, in, op) + ": " + fault.message()));
    }

    /** {@code layer3[0].conv2 on input (256, 14, 14)}; merges name their inputs in their messages. */
    static String where(String path, Shape in, Computation op) {
        return op instanceof Merge ? path : path + " on input " + in;
    }
}
