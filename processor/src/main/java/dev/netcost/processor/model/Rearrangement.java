package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/**
 * An op that only moves elements, or writes zeros, and computes nothing: a reshape, a permute, a
 * slice, a shuffle, padding, a concatenation of patches, the state a recurrent layer returns. Its
 * backward moves the gradient back: no FLOPs, nothing kept but sizes. A {@link View} is one whose
 * output shares its input's storage.
 */
public sealed interface Rearrangement extends Op
        permits View, ChannelShuffle, Unfold, Fold, PatchMerging, ZeroPad, FinalState {
    @Override
    default Backprop backprop(Shape input, Shape output, Layout layout, Optional<SideTensor> side, Cost forward,
            BackwardPass pass) {
        return Backprop.passThrough(forward.flops());
    }
}
