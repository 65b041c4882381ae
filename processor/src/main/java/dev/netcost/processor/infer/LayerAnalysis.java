package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.SideTensor;
import java.util.List;
import java.util.Optional;

/**
 * One layer with its shapes and figures.
 *
 * @param path   the layer's name, with the block instances around it: {@code layer3[0].conv2}
 * @param op     PyTorch's name for the module, for this input ({@code Conv2d})
 * @param input  one sample of its (first) input
 * @param output one output sample
 * @param cost   the figures for the network's whole batch
 * @param traffic its memory figures, for the whole batch
 * @param computation what it computes, its attributes resolved
 * @param topNode the network's field it belongs to: itself, or the field that uses its block
 * @param topLevel whether it is a field of the network itself rather than of a block
 * @param reads the tensors it reads, by the path of the layer that made each, or {@code input}
 * @param trainingOnly whether it runs only in training: its figures are its own, and of the
 *     network's only its parameters and buffers count
 * @param side the tensor its op names besides its input ({@code like}, {@code memory}), if any
 * @param copies inside the expert of a mixture of experts, the copies stored and run per token,
 *     by which {@code cost} is already scaled
 */
public record LayerAnalysis(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic,
        Computation computation, int topNode, boolean topLevel, List<String> reads, boolean trainingOnly,
        Optional<SideTensor> side, ExpertCopies copies) {
    public LayerAnalysis {
        reads = List.copyOf(reads);
        java.util.Objects.requireNonNull(side, "side");
        java.util.Objects.requireNonNull(copies, "copies");
    }

    /** A layer in no mixture of experts. */
    public LayerAnalysis(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic,
            Computation computation, int topNode, boolean topLevel, List<String> reads, boolean trainingOnly,
            Optional<SideTensor> side) {
        this(path, op, input, output, cost, traffic, computation, topNode, topLevel, reads, trainingOnly, side,
                ExpertCopies.ONE);
    }

    /** The elements of the weight it declares that other layers may share ({@code @Tied}); 0 if none. */
    public long sharedWeight() {
        if (!(computation instanceof dev.netcost.processor.model.Op op)) {
            return 0;
        }
        Optional<Shape> weight = op.weightShape(input);
        return weight.isPresent() ? weight.get().numel() : 0;
    }

    /**
     * Whether a block or field that holds this layer sums its compute and traffic: always, when the
     * block or field itself runs only in training; else only when this layer runs at inference.
     */
    boolean runsWith(boolean trainingOnlySpan) {
        return trainingOnlySpan || !trainingOnly;
    }
}
