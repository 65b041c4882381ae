package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What inference found for a network: every layer's shapes and figures and their totals, or
 * the problems. With problems, the lists hold what was analysed before the first failure.
 *
 * @param network the declaration
 * @param input   one input sample; {@code null} when {@code @Network(input)} is invalid
 * @param layers  every layer, blocks expanded, in execution order
 * @param blocks  every block use and instance, in the order they begin
 * @param fields  the network's own fields
 * @param total   the sum of the layers' figures, for the whole batch
 * @param memory  parameter and activation bytes
 * @param problems every problem found, in declaration order
 * @param decoder  the figures of a {@code @Decoder} network's inference, when it is one
 * @param trainingOnly the sums of the figures of the layers that run only in training, whose
 *     parameters and buffers {@code total} counts too, and whose compute it does not
 * @param inputs  every input, {@code @Network(input)} first, then the {@code @Input} fields
 * @param outputs every output, in declaration order; empty until the walk succeeded
 * @param training the figures of one training step, for a network with {@code @Training}
 * @param roofline the roofline on each device of {@code @Roofline}, in its order; empty without it
 */
public record NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers,
        List<BlockAnalysis> blocks, List<FieldAnalysis> fields, Cost total, Memory memory, List<Problem> problems,
        Optional<DecoderFigures> decoder, Cost trainingOnly, List<InputAnalysis> inputs,
        List<OutputAnalysis> outputs, Optional<TrainingFigures> training, List<DeviceRoofline> roofline) {
    public NetworkAnalysis {
        java.util.Objects.requireNonNull(training, "training");
        roofline = List.copyOf(roofline);
        layers = List.copyOf(layers);
        blocks = List.copyOf(blocks);
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Without a roofline. */
    public NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers,
            List<BlockAnalysis> blocks, List<FieldAnalysis> fields, Cost total, Memory memory, List<Problem> problems,
            Optional<DecoderFigures> decoder, Cost trainingOnly, List<InputAnalysis> inputs,
            List<OutputAnalysis> outputs, Optional<TrainingFigures> training) {
        this(network, input, layers, blocks, fields, total, memory, problems, decoder, trainingOnly, inputs, outputs,
                training, List.of());
    }

    /** Without training figures. */
    public NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers,
            List<BlockAnalysis> blocks, List<FieldAnalysis> fields, Cost total, Memory memory, List<Problem> problems,
            Optional<DecoderFigures> decoder, Cost trainingOnly, List<InputAnalysis> inputs,
            List<OutputAnalysis> outputs) {
        this(network, input, layers, blocks, fields, total, memory, problems, decoder, trainingOnly, inputs, outputs,
                Optional.empty());
    }

    /** As a walk left it, before the inputs and outputs are gathered. */
    public NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers, List<BlockAnalysis> blocks,
            List<FieldAnalysis> fields, Cost total, Memory memory, List<Problem> problems,
            Optional<DecoderFigures> decoder, Cost trainingOnly) {
        this(network, input, layers, blocks, fields, total, memory, problems, decoder, trainingOnly, List.of(),
                List.of());
    }

    /** The same analysis with {@code decoder}'s figures and the problems found working them out. */
    NetworkAnalysis withDecoder(Optional<DecoderFigures> figures, List<Problem> all) {
        return new NetworkAnalysis(network, input, layers, blocks, fields, total, memory, all, figures, trainingOnly,
                inputs, outputs, training, roofline);
    }

        /**
     * The same analysis with its roofline on each device of {@code @Roofline}, and the problems found
     * working it out.
     */
    NetworkAnalysis withRoofline(List<DeviceRoofline> devices, List<Problem> all) {
        return new NetworkAnalysis(network, input, layers, blocks, fields, total, memory, all, decoder,
                trainingOnly, inputs, outputs, training, devices);
    }

    /** Whether it has more than one input or output, or an input or output named other than by default. */
    public boolean hasNamedInputsOrOutputs() {
        return inputs.size() > 1 || outputs.size() > 1 || !network.inputFields().isEmpty()
                || !network.outputs().isEmpty();
    }

    /** Not a decoder's, or not yet, and without training-only layers. */
    public NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers, List<BlockAnalysis> blocks,
            List<FieldAnalysis> fields, Cost total, Memory memory, List<Problem> problems) {
        this(network, input, layers, blocks, fields, total, memory, problems, Optional.empty(), Cost.ZERO);
    }

    /** Whether it has a mixture of experts ({@code @MixtureOfExperts}), whose ACTIVE_PARAMS differ from PARAMS. */
    public boolean hasExperts() {
        for (LayerAnalysis layer : layers) {
            if (layer.computation() instanceof dev.netcost.processor.model.Router) {
                return true;
            }
        }
        return false;
    }

    /** Whether some of its layers run only in training ({@code @TrainingOnly}). */
    public boolean hasTrainingOnly() {
        for (LayerAnalysis layer : layers) {
            if (layer.trainingOnly()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Memory by the cost model, for the whole batch.
     *
     * @param paramBytes           {@code (PARAMS + BUFFERS) * bytes}
     * @param peakActivationBytes  the most bytes of activations alive at once, over the layers
     * @param memoryAccessBytes    bytes read and written by all the layers
     * @param peakAt               the layer where the activation peak is reached
     * @param alive                the tensors alive there, by producer, largest first
     */
    public record Memory(long paramBytes, long peakActivationBytes, long memoryAccessBytes, String peakAt,
            List<Named> alive) {
        public static final Memory NONE = new Memory(0, 0, 0, "", List.of());

        public Memory {
            alive = List.copyOf(alive);
        }

        /** Peak inference memory: parameters and the activation peak. */
        public long peakBytes() {
            return Math.addExact(paramBytes, peakActivationBytes);
        }
    }

    /** A figure with the name of what it belongs to: a field, a layer, a tensor's producer. */
    public record Named(String name, long value) {}

    /** Whether the network is valid, so that its companion can be generated. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * FLOPs per byte of memory traffic over the whole network: the total FLOPs over the bytes every
     * layer reads and writes; 0 when nothing moves.
     */
    public double arithmeticIntensity() {
        return Traffic.intensity(total.flops(), memory.memoryAccessBytes());
    }

    /** The network's (first) output for one sample. */
    public Shape output() {
        if (!outputs.isEmpty()) {
            return outputs.get(0).shape();
        }
        return fields.isEmpty() ? input : fields.get(fields.size() - 1).output();
    }
}
