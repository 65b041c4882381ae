package dev.netcost.processor.infer;

import java.util.List;

/**
 * A decoder's decode step on one device, by the cost model's "A decoder's times": each of the batch's
 * sequences gets one new token at the context.
 *
 * @param context           the tokens of context each new token attends to
 * @param nanos             the step's roofline time: the sum over {@code layers}
 * @param computeBoundNanos the part of {@code nanos} in compute-bound layers
 * @param flops             the step's FLOPs
 * @param bytes             the step's bytes read and written
 * @param tokensPerSecond   {@code N * 1e9 / nanos}: new tokens a second, over the batch
 * @param layers            the layers a step runs, with what each asks and its time
 */
public record DecodeRoofline(long context, double nanos, double computeBoundNanos, long flops, long bytes,
        double tokensPerSecond, List<Step> layers) {
    public DecodeRoofline {
        layers = List.copyOf(layers);
    }

    /** One layer of a decode step: what it asks, and its time. */
    public record Step(DecodeWork work, LayerTime time) {}
}
