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
 * model's section "Training", as the walk reaches it, and then the step's totals and memory.
 *
 * <p>Whether a layer's input needs a gradient is known in execution order: a tensor requires one
 * when a layer with trainable parameters made it or made what it was made from, as PyTorch's
 * {@code requires_grad} spreads forward. The network's inputs require none.
 */
final class TrainingPass {
    private final TrainingDecl declared;
    private final long batch;
    private final BitSet requiresGradient = new BitSet();
    private final List<Backprop> backprops = new ArrayList<>();
    private final List<BackwardPass> passes = new ArrayList<>();
    private final List<LayerTraining> layers = new ArrayList<>();
    private final BitSet frozen = new BitSet();
    private Work forward = Work.NONE;
    private Work backward = Work.NONE;
    /** Whether a layer's figures for the step's batch did not fit a {@code long}. */
    private boolean overflowed;

    TrainingPass(TrainingDecl declared) {
        this.declared = declared;
        this.batch = declared.batch();
    }

    /**
     * Layer {@code index}, which reads {@code layer.inputs()} and makes tensor {@code output}. A figure
     * beyond a {@code long} is the training step's problem, not the layer's, whose inference figures fit:
     * it is remembered, the walk goes on, and {@link #figures} reports it for the step's batch.
     */
    void layer(int index, ResolvedLayer layer, Shapes.Shaped shaped, int output) {
        try {
            add(index, layer, shaped, output);
        } catch (ArithmeticException overflow) {
            overflowed = true;
            // Keep the lists index-aligned with the walk's layers; the step is not reported anyway.
            while (backprops.size() <= index) {
                backprops.add(Backprop.passThrough(0));
                passes.add(new BackwardPass(false, false, declared.attention()));
                layers.add(new LayerTraining(Work.NONE, Work.NONE, Work.NONE, 0, layer.frozen(), false));
            }
        }
    }

    private void add(int index, ResolvedLayer layer, Shapes.Shaped shaped, int output) {
        boolean inputGradient = false;
        for (int t : layer.inputs()) {
            inputGradient |= requiresGradient.get(t);
        }
        Cost sample = shaped.sample();
        boolean weightGradient = !layer.frozen() && sample.params() > 0;
        BackwardPass pass = new BackwardPass(inputGradient, weightGradient, declared.attention());
        Backprop backprop = layer.op() instanceof Op op
                ? op.backprop(shaped.in(), shaped.out(), shaped.inLayout(), shaped.side(), sample, pass)
                : ((Merge) layer.op()).backprop(shaped.inputs(), shaped.out(), sample, pass);
        if (pass.any()) {
            requiresGradient.set(output);
        }
        if (layer.frozen()) {
            frozen.set(index);
        }
        // Every copy of an expert that a token runs computes, and keeps, its share of the tokens.
        long times = Math.multiplyExact(batch, layer.copies().active());
        Work forwardWork = new Work(Math.multiplyExact(sample.macs(), times),
                Math.multiplyExact(backprop.forwardFlops(), times));
        Work toInput = backprop.toInput().times(times);
        Work toWeights = backprop.toWeights().times(times);
        forward = forward.plus(forwardWork);
        backward = backward.plus(toInput).plus(toWeights);
        backprops.add(backprop);
        passes.add(pass);
        layers.add(new LayerTraining(forwardWork, toInput, toWeights, 0, layer.frozen(), false));
    }

    /** Whether tensor {@code t} requires a gradient. */
    boolean requiresGradient(int t) {
        return requiresGradient.get(t);
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
     * The step's figures, once the walk is done.
     *
     * @param analysed the layers as the walk gave them
     * @param total    the network's figures: every parameter and buffer, tied weights once
     * @param memory   the activation peak and saved bytes, by {@link TrainingMemory}
     * @param checkpointed for each layer, whether it is inside a checkpointed block instance
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    TrainingFigures figures(List<LayerAnalysis> analysed, Cost total, TrainingMemory.Result memory,
            BitSet checkpointed) {
        if (overflowed) {
            throw new ArithmeticException("a layer's figure for the training batch");
        }
        Training.Precision precision = declared.precision();
        long trainable = 0;
        Work recompute = Work.NONE;
        List<LayerTraining> each = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerTraining layer = layers.get(i);
            if (!frozen.get(i)) {
                trainable = Math.addExact(trainable, analysed.get(i).cost().params());
            }
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
