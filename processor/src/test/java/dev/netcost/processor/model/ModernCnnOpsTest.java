package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Approximate;
import dev.netcost.Padding;
import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ops of modern CNNs (group and instance norm, leaky ReLU, PReLU, Mish, GELU's tanh form, the
 * broadcasting add, same and valid padding) against the cost model's rows, by hand. PyTorch's
 * counts were taken with Debian's python3-torch 1.13 ({@code /usr/bin/python3}): each test says
 * what its script printed.
 */
class ModernCnnOpsTest {
    private static final Shape MAP = Shape.of(64, 56, 56); // 64 * 56 * 56 = 200,704 elements
    private static final List<String> NAMES = List.of("a", "b", "c");

    private static Shape ok(ShapeResult result) {
        return assertInstanceOf(ShapeResult.Ok.class, result).shape();
    }

    private static Fault failed(ShapeResult result) {
        List<Fault> faults = assertInstanceOf(ShapeResult.Failed.class, result).faults();
        assertEquals(1, faults.size());
        return faults.get(0);
    }

    private static Cost cost(Op op, Shape in) {
        return op.cost(in, ok(op.outputShape(in)));
    }

    /** torch: sum(p.numel()) of GroupNorm(32, 64) is 128, of GroupNorm(8, 64, affine=False) 0; no buffers. */
    @Test
    void groupNormHasAScaleAndShiftPerChannelAndLayerNormsFlops() {
        assertEquals(new Cost(2 * 64, 0, 0, 5 * 200_704), cost(new GroupNorm(32, true), MAP)); // 128; 1,003,520
        assertEquals(new Cost(0, 0, 0, 5 * 200_704), cost(new GroupNorm(8, false), MAP));
        assertEquals("GroupNorm", new GroupNorm(32, true).displayName(MAP));
        // PyTorch takes (N, C, *), a vector too: torch's GroupNorm(4, 64) on (2, 64) gives (2, 64).
        assertEquals(Shape.of(64), ok(new GroupNorm(4, true).outputShape(Shape.of(64))));
        assertEquals(EnumSet.of(Layout.FEATURES), new GroupNorm(32, true).accepts());
    }

    /** torch: GroupNorm(3, 64) raises "num_channels must be divisible by num_groups". */
    @Test
    void groupNormGroupsMustDivideTheChannels() {
        Fault fault = failed(new GroupNorm(3, true).outputShape(MAP));
        assertEquals(Optional.of(Attr.GROUPS), fault.attr());
        assertEquals(ProblemKind.CHANNELS, fault.kind());
        // The divisors of 64 nearest 3: 2 and 4 (1 away), 1 (2 away), 8 (5 away).
        assertEquals("groups = 3 does not divide the 64 channels, which GroupNorm splits into groups of equal size;"
                + " use one of 1, 2, 4 or 8", fault.message());
        assertEquals(Optional.of(Attr.GROUPS), new GroupNorm(0, true).validate().get(0).attr());
    }

    /**
     * torch: InstanceNorm2d(64) has no parameters and no buffers; with affine=True 128 parameters; with
     * track_running_stats=True the buffers running_mean 64, running_var 64 and num_batches_tracked 1, of which
     * netcost counts the 128 of mean and variance, as for batch norm (BatchNorm2d(64) has the same three).
     */
    @Test
    void instanceNormCountsWhatItsFlagsKeep() {
        assertEquals(new Cost(0, 0, 0, 5 * 200_704), cost(new InstanceNorm(false, false), MAP));
        assertEquals(new Cost(128, 0, 0, 5 * 200_704), cost(new InstanceNorm(true, false), MAP));
        // With running stats, PyTorch's eval mode scales and shifts by them: batch norm's 2 per element, 401,408.
        assertEquals(new Cost(0, 128, 0, 2 * 200_704), cost(new InstanceNorm(false, true), MAP));
        assertEquals(new Cost(128, 128, 0, 2 * 200_704), cost(new InstanceNorm(true, true), MAP));
        assertEquals("InstanceNorm1d", new InstanceNorm(false, false).displayName(Shape.of(64, 100)));
        assertEquals("InstanceNorm2d", new InstanceNorm(false, false).displayName(MAP));
        assertEquals("InstanceNorm3d", new InstanceNorm(false, false).displayName(Shape.of(8, 4, 16, 16)));
        assertEquals(EnumSet.of(Layout.FEATURES), new InstanceNorm(false, false).accepts());
    }

    /** torch's InstanceNorm1d(64) takes a batch (2, 64) as one unbatched (C = 2, L = 64): netcost refuses a vector. */
    @Test
    void instanceNormNeedsPositions() {
        Fault fault = failed(new InstanceNorm(false, false).outputShape(Shape.of(64)));
        assertEquals(Optional.empty(), fault.attr());
        assertEquals(ProblemKind.INPUT_SHAPE, fault.kind());
    }

    /** Both compare and multiply: 2 per element; torch: PReLU() has 1 parameter, PReLU(64) 64. */
    @Test
    void leakyReluAndPreluCompareAndMultiply() {
        assertEquals(Cost.flopsOnly(2 * 200_704), cost(new Activation(Activation.Kind.LEAKY_RELU), MAP));
        assertEquals("LeakyReLU", new Activation(Activation.Kind.LEAKY_RELU).displayName(MAP));
        assertEquals(new Cost(1, 0, 0, 2 * 200_704), cost(new PRelu(1), MAP));
        assertEquals(new Cost(64, 0, 0, 2 * 200_704), cost(new PRelu(64), MAP));
        assertEquals("PReLU", new PRelu(64).displayName(MAP));
        assertEquals(EnumSet.allOf(Layout.class), new PRelu(1).accepts());
    }

    /** torch: PReLU(16) on (2, 10, 16) raises "Found parameter numbers = 16 and channel size = 10": axis 1 is T. */
    @Test
    void preluSlopesAreOnTheChannelsOfAChannelsFirstMapOnly() {
        Shape tokens = Shape.of(10, 16);
        assertEquals(tokens, ok(new PRelu(1).outputShape(tokens, Layout.TOKENS)));
        Fault onTokens = failed(new PRelu(16).outputShape(tokens, Layout.TOKENS));
        assertEquals(Optional.of(Attr.PARAMETERS), onTokens.attr());
        assertTrue(onTokens.message().endsWith("use parameters = 1"), onTokens.message());
        // PReLU(10) on those tokens runs in PyTorch, a slope per token: refused too, nobody means it.
        failed(new PRelu(10).outputShape(tokens, Layout.TOKENS));
        Fault channelsLast = failed(new PRelu(64).outputShape(Shape.of(56, 56, 64), Layout.CHANNELS_LAST));
        assertEquals(Optional.of(Attr.PARAMETERS), channelsLast.attr());
        Fault notChannels = failed(new PRelu(5).outputShape(MAP, Layout.FEATURES));
        assertEquals(ProblemKind.CHANNELS, notChannels.kind());
        assertEquals("parameters = 5 is neither 1 (one slope shared) nor the 64 channels of the input (one slope"
                + " each), as PyTorch's PReLU requires; use parameters = 1 or 64", notChannels.message());
        assertEquals(Shape.of(64), ok(new PRelu(64).outputShape(Shape.of(64), Layout.FEATURES))); // (N, C): axis 1 is C
        assertEquals(Optional.of(Attr.PARAMETERS), new PRelu(0).validate().get(0).attr());
    }

    /**
     * Mish {@code x * tanh(log(1 + exp(x)))}: exp, add, log (3), tanh (4, as the table counts it), multiply (1) = 8.
     * GELU's tanh form {@code 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))}: x^3 (2), * 0.044715 (1), + x (1),
     * * sqrt(2/pi) (1), tanh (4), + 1 (1), * x (1), * 0.5 (1) = 12. The exact GELU keeps its 4.
     */
    @Test
    void mishAndGeluCountTheirFormulas() {
        assertEquals(Cost.flopsOnly(8 * 200_704), cost(new Activation(Activation.Kind.MISH), MAP));
        assertEquals("Mish", new Activation(Activation.Kind.MISH).displayName(MAP));
        assertEquals(Cost.flopsOnly(12 * 200_704), cost(Activation.gelu(Approximate.TANH), MAP));
        assertEquals(Cost.flopsOnly(4 * 200_704), cost(Activation.gelu(Approximate.NONE), MAP));
        assertEquals(new Activation(Activation.Kind.GELU), Activation.gelu(Approximate.NONE));
        assertEquals("GELU", Activation.gelu(Approximate.TANH).displayName(MAP));
    }

    /** A bias (C, 1, 1) added to (C, H, W) broadcasts as PyTorch's does: one add per output element. */
    @Test
    void addBroadcastsAsMulDoes() {
        Shape bias = Shape.of(64, 1, 1);
        assertEquals(MAP, ok(new Add().outputShape(List.of(MAP, bias), NAMES)));
        assertEquals(MAP, ok(new Add().outputShape(List.of(bias, MAP), NAMES)));
        assertEquals(Cost.flopsOnly(200_704), new Add().cost(List.of(MAP, bias), MAP));
        // (64, 56, 56) + (1, 56, 56) + (64, 1, 1): two adds per output element, 401,408.
        assertEquals(MAP, ok(new Add().outputShape(List.of(MAP, Shape.of(1, 56, 56), bias), NAMES)));
        assertEquals(Cost.flopsOnly(2 * 200_704), new Add().cost(List.of(MAP, Shape.of(1, 56, 56), bias), MAP));
        // (4, 1, 5) + (3, 1) is (N, 4, 1, 5) + (N, 3, 1) in PyTorch, N beside the 4: once aligned on
        // the last dimension to (4, 3, 5), now refused, since the ranks differ.
        Fault ranks = failed(new Add().outputShape(List.of(Shape.of(4, 1, 5), Shape.of(3, 1)), NAMES));
        assertEquals(ProblemKind.MERGE, ranks.kind());
        Fault fault = failed(new Add().outputShape(List.of(Shape.of(16, 1, 1), MAP), NAMES));
        assertEquals(Optional.of(Attr.FROM), fault.attr());
        assertEquals(ProblemKind.MERGE, fault.kind());
    }

    private static Conv same(int out, List<Integer> kernel, List<Integer> stride, List<Integer> dilation) {
        return new Conv(out, kernel, stride, List.of(0), dilation, 1, true, Padding.SAME);
    }

    /**
     * An even kernel pads asymmetrically. Conv2d(3, 2, 4, padding='same') on (3, 5, 5): total padding
     * 1 * (4 - 1) = 3 per dimension, 3 // 2 = 1 before and 2 after, so 5 + 3 = 8 padded cells hold
     * 8 - 4 + 1 = 5 windows: output (2, 5, 5). PARAMS 2 * 3 * 16 + 2 = 98; MACS 2 * 25 * (3 * 16) = 2,400;
     * FLOPS with bias 2 * 25 * (2 * 48) = 4,800. torch: 98 parameters, output (1, 2, 5, 5), and equal to
     * conv2d(pad(x, (1, 2, 1, 2)), w, b), the padding one before and two after.
     */
    @Test
    void samePaddingWithAnEvenKernelKeepsTheSize() {
        Conv conv = same(2, List.of(4), List.of(1), List.of(1));
        Shape in = Shape.of(3, 5, 5);
        assertEquals(Shape.of(2, 5, 5), ok(conv.outputShape(in)));
        assertEquals(new Cost(98, 0, 2_400, 4_800), cost(conv, in));
        SlidingWindow window = conv.window(2);
        assertEquals(1, window.padding()[0]); // before the input; 2 after
        assertEquals(0, window.unreadTail(0, 5, 5));
        assertEquals(0, window.paddingOnlyOutputs(0, 5, 5));
    }

    /**
     * Per dimension: kernel (4, 3) with dilation (1, 2) pads 3 (1 before) and 2 * 2 = 4 (2 before) on
     * (3, 5, 7), which stays 5 x 7. torch: output (1, 2, 5, 7), equal to pad(x, (2, 2, 1, 2)) then no padding.
     */
    @Test
    void samePaddingPerDimensionWithDilation() {
        Conv conv = same(2, List.of(4, 3), List.of(1), List.of(1, 2));
        assertEquals(Shape.of(2, 5, 7), ok(conv.outputShape(Shape.of(3, 5, 7))));
        assertEquals(1, conv.window(2).padding()[0]);
        assertEquals(2, conv.window(2).padding()[1]);
    }

    /**
     * Conv1d(1, 1, 2, dilation=5, padding='same') on length 1 pads 5: 2 before, 3 after, and the one
     * window's taps at 0 and 5 of the padded 0..5 miss the input at 2: it reads padding only. torch: its
     * output is its bias alone. The lint sees that through the padding before the input.
     */
    @Test
    void samePaddingCanReadOnlyPadding() {
        Conv conv = same(1, List.of(2), List.of(1), List.of(5));
        assertEquals(Shape.of(1, 1), ok(conv.outputShape(Shape.of(1, 1))));
        assertEquals(1, conv.window(1).paddingOnlyOutputs(0, 1, 1));
    }

    /** torch: Conv2d(3, 2, 3, padding='valid') on (3, 5, 5) gives 3 x 3, as padding 0. */
    @Test
    void validPaddingIsNone() {
        Conv conv = new Conv(2, List.of(3), List.of(1), List.of(0), List.of(1), 1, true, Padding.VALID);
        assertEquals(Shape.of(2, 3, 3), ok(conv.outputShape(Shape.of(3, 5, 5))));
        assertEquals(0, conv.window(2).padding()[0]);
    }

    /** torch: Conv2d(3, 2, 3, stride=2, padding='same') raises "padding='same' is not supported for strided convolutions". */
    @Test
    void samePaddingRefusesAStrideAndSizes() {
        List<Fault> strided = same(8, List.of(3), List.of(2), List.of(1)).validate();
        assertEquals(1, strided.size());
        assertEquals(Optional.of(Attr.STRIDE), strided.get(0).attr());
        // The fix suggested: 1 * (3 - 1) / 2 = 1, which gives ceil(n / 2).
        assertTrue(strided.get(0).message().endsWith("such as padding = 1"), strided.get(0).message());
        // Kernel {5, 4} with dilation 2: 2 * 4 / 2 = 4 and 2 * 3 / 2 = 3.
        assertTrue(same(8, List.of(5, 4), List.of(1, 2), List.of(2)).validate().get(0).message()
                .endsWith("such as padding = {4, 3}"));
        List<Fault> sized = new Conv(8, List.of(3), List.of(1), List.of(1), List.of(1), 1, true, Padding.SAME)
                .validate();
        assertEquals(1, sized.size());
        assertEquals(Optional.of(Attr.PADDING), sized.get(0).attr());
        assertEquals(1, new Conv(8, List.of(3), List.of(1), List.of(2), List.of(1), 1, true, Padding.VALID)
                .validate().size());
        // A stride out of range is said once, by the range check.
        assertEquals(1, same(8, List.of(3), List.of(0), List.of(1)).validate().size());
    }
}
