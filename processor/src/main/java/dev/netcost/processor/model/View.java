package dev.netcost.processor.model;

/**
 * A {@link Rearrangement} whose output is a view of its input's storage in PyTorch: a flatten of a
 * contiguous tensor, a slice ({@code narrow}, {@code chunk}, {@code select}, a crop), a permute, a
 * transpose and a reshape that only splits an axis. A training step that keeps both its input and its
 * output keeps one tensor.
 */
public sealed interface View extends Rearrangement
        permits Flatten, ChannelSplit, Chunk, SelectToken, ChannelsLast, ChannelsFirst, ToTokens, ToMap, CenterCrop {
    @Override
    default boolean view() {
        return true;
    }
}
