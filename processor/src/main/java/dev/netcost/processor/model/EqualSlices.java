package dev.netcost.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule on slice {@code index} of {@code parts} equal slices of an axis ({@code @ChannelSplit}
 * of the channels, {@code @Chunk} of the last axis): at least one part, and an index among them.
 * Whether the axis divides into the parts depends on the input, and each op says it of its axis.
 */
final class EqualSlices {
    private EqualSlices() {}

    /** The fault of {@code parts}, or else of {@code index}: an index is checked only against valid parts. */
    static List<Fault> check(int parts, int index) {
        List<Fault> faults = new ArrayList<>();
        if (parts < 1) {
            faults.add(Message.BELOW_MINIMUM.on(Attr.PARTS, Attr.PARTS.javaName(), parts, 1));
        } else if (index < 0 || index >= parts) {
            faults.add(Message.SPLIT_INDEX_OUT_OF_RANGE.on(Attr.INDEX, index, parts - 1, parts));
        }
        return faults;
    }
}
