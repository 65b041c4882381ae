package dev.netcost.processor.infer;

import dev.netcost.Training;
import dev.netcost.processor.model.Backprop;
import dev.netcost.processor.model.BackwardPass;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Merge;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.model.Work;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Pass (e), for a network with {@code @Training}: each layer's part in a training step, by the cost
 * model's section "Training", and then the step's totals. The walk hands it each layer; once the
 * graph is whole, {@link #resolve} decides what each layer's backward does, since that depends on
 * what comes after it as well as before:
 *
 * <ul>
 *   <li>a tensor requires a gradient when a layer with trainable parameters made it, or made what it
 *       was made from, as PyTorch's {@code requires_grad} spreads forward; the network's inputs
 *       require none;
 *   <li>a layer runs backward only when the loss is reached from it: the loss takes the network's
 *       outputs and what the training-only heads make that no layer reads (Inception's auxiliary
 *       logits), as autograd runs only the graph behind the loss; a dead branch runs none;
 *   <li>a weight shared by {@code @Tied} is one parameter: frozen when the layer that declares it or
 *       any that shares it is {@code @Frozen}, as {@code requires_grad_(False)} on either module
 *       freezes the one parameter, and trained once.
 * </ul>
 */
final class TrainingPass {
    private final TrainingDecl declared;
    private final long batch;
    /** What the walk gave each layer, kept until the graph is whole. */
    private final List<Walked> walked = new ArrayList<>();

    private final BitSet requiresGradient = new BitSet();
    /** Tensors from which the loss is reached: the only ones whose gradient is ever made. */
    private final BitSet needed = new BitSet();
    private final BitSet lossTerms = new BitSet();
    private final List<Backprop> backprops = new ArrayList<>();
    private final List<BackwardPass> passes = new ArrayList<>();
    private final List<LayerTraining> layers = new ArrayList<>();
    private long trainable;
    private Work forward = Work.NONE;
    private Work backward = Work.NONE;

    /** One layer as the walk reached it. */
    private record Walked(ResolvedLayer layer, Shapes.Shaped shaped) {}

    TrainingPass(TrainingDecl declared) {
        this.declared = declared;
        this.batch = declared.batch();
    }

    /** The next layer of the walk. */
    void layer(ResolvedLayer layer, Shapes.Shaped shaped) {
        walked.add(new Walked(layer, shaped));
    }

    /**
     * Each layer's backward, once the walk is done: what it computes and keeps, for the step's batch.
     *
     * @param analysed the layers as the walk gave them
     * @param outputs  the network's output tensors
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    void resolve(List<LayerAnalysis> analysed, LayerGraph graph, Tensors tensors, int[] outputs) {
        int n = walked.size();
        BitSet read = new BitSet();
        for (int r = 0; r < graph.endOfReads(n - 1); r++) {
            read.set(graph.tensor(r));
        }
        for (int t : outputs) {
            lossTerms.set(t);
        }
        for (int j = 0; j < n; j++) {
            if (analysed.get(j).trainingOnly() && !read.get(tensors.outputOf(j))) {
                lossTerms.set(tensors.outputOf(j)); // an auxiliary head's term of the loss
            }
        }
        needed.or(lossTerms);
        for (int j = n - 1; j >= 0; j--) {
            if (needed.get(tensors.outputOf(j))) {
                for (int r = graph.firstRead(j); r < graph.endOfReads(j); r++) {
                    needed.set(graph.tensor(r));
                }
            }
        }
        BitSet sharedFrozen = new BitSet(); // a declaring layer whose weight some sharer froze
        for (int j = 0; j < n; j++) {
            int source = graph.tiedTo(j);
            if (source >= 0 && walked.get(j).layer().frozen()) {
                sharedFrozen.set(source);
            }
        }
        for (int j = 0; j < n; j++) {
            Walked w = walked.get(j);
            ResolvedLayer layer = w.layer();
            int source = graph.tiedTo(j);
            long own = layer.frozen() ? 0 : analysed.get(j).cost().params();
            if (sharedFrozen.get(j) && !layer.frozen()) {
                own = Math.subtractExact(own, analysed.get(j).sharedWeight());
            }
            trainable = Math.addExact(trainable, own);
            boolean tiedTrained = source >= 0 && !walked.get(source).layer().frozen() && !sharedFrozen.get(source);
            boolean trainsWeights = own > 0 || tiedTrained;
            boolean inputRequires = false;
            for (int r = graph.firstRead(j); r < graph.endOfReads(j); r++) {
                inputRequires |= requiresGradient.get(graph.tensor(r));
            }
            if (inputRequires || trainsWeights) {
                requiresGradient.set(tensors.outputOf(j));
            }
            boolean runs = needed.get(tensors.outputOf(j));
            add(w, new BackwardPass(runs && inputRequires, runs && trainsWeights, declared.attention()));
        }
    }

    private void add(Walked w, BackwardPass pass) {
        Shapes.Shaped shaped = w.shaped();
        Cost sample = shaped.sample();
        Backprop backprop = w.layer().op() instanceof Op op
                ? op.backprop(shaped.in(), shaped.out(), shaped.inLayout(), shaped.side(), sample, pass)
                : ((Merge) w.layer().op()).backprop(shaped.inputs(), shaped.out(), sample, pass);
        // Every copy of an expert that a token runs computes, and keeps, its share of the tokens.
        long times = Math.multiplyExact(batch, w.layer().copies().active());
        Work forwardWork = new Work(Math.multiplyExact(sample.macs(), times),
                Math.multiplyExact(backprop.forwardFlops(), times));
        Work toInput = backprop.toInput().times(times);
        Work toWeights = backprop.toWeights().times(times);
        forward = forward.plus(forwardWork);
        backward = backward.plus(toInput).plus(toWeights);
        backprops.add(backprop);
        passes.add(pass);
        layers.add(new LayerTraining(forwardWork, toInput, toWeights, 0, w.layer().frozen(), false));
    }

    /** Whether the backward pass makes a gradient for tensor {@code t}: it requires one, and reaches the loss. */
    boolean hasGradient(int t) {
        return requiresGradient.get(t) && needed.get(t);
    }

    /** Whether tensor {@code t} is a term of the loss: an output, or an auxiliary head's. */
    boolean lossTerm(int t) {
        return lossTerms.get(t);
    }

    /** What layer {@code index} keeps for backward, for one sample of one copy. */
    Backprop backprop(int index) {
        return backprops.get(index);
    }

    /** What a training step asked of layer {@code index}. */
    BackwardPass pass(int index) {
        return passes.get(index);
    }

    TrainingDecl declared() {
        return declared;
    }

    /**
     * The step's figures, once {@link #resolve} has run.
     *
     * @param total    the network's figures: every parameter and buffer, tied weights once
     * @param memory   the activation peak and saved bytes, by {@link TrainingMemory}
     * @param checkpointed for each layer, whether it is inside a checkpointed block instance
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    TrainingFigures figures(Cost total, TrainingMemory.Result memory, BitSet checkpointed) {
        Training.Precision precision = declared.precision();
        Work recompute = Work.NONE;
        List<LayerTraining> each = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerTraining layer = layers.get(i);
            if (checkpointed.get(i)) {
                recompute = recompute.plus(layer.forward());
            }
            each.add(new LayerTraining(layer.forward(), layer.toInput(), layer.toWeights(), memory.savedBy()[i],
                    layer.frozen(), checkpointed.get(i)));
        }
        long weights = Math.multiplyExact(Math.addExact(total.params(), total.buffers()), precision.bytes());
        long gradients = Math.multiplyExact(trainable, precision.bytes());
        long master = Math.multiplyExact(trainable, precision.masterBytes());
        long states = Math.multiplyExact(Math.multiplyExact(trainable, declared.optimizer().states()),
                precision.stateBytes());
        return new TrainingFigures(declared, each, forward, backward, recompute, trainable, weights, gradients, master,
                states, memory.savedBytes(), memory.peak());
    }
}
