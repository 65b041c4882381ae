package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/**
 * An op whose output is a view of its input's storage in PyTorch: a flatten of a contiguous tensor,
 * a slice ({@code narrow}, {@code chunk}, {@code select}, a crop), a permute, a transpose and a
 * reshape that only splits an axis. Its backward reshapes the gradient: no FLOPs, nothing kept, and a
 * training step that keeps both its input and its output keeps one tensor.
 */
public sealed interface View extends Op
        permits Flatten, ChannelSplit, Chunk, SelectToken, ChannelsLast, ChannelsFirst, ToTokens, ToMap, CenterCrop {
    @Override
    default boolean view() {
        return true;
    }

    @Override
    default Backprop backprop(Shape input, Shape output, Layout layout, Optional<SideTensor> side, Cost forward,
            BackwardPass pass) {
        return Backprop.passThrough(forward.flops());
    }
}
