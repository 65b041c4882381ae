package dev.netcost.processor.model;

import dev.netcost.Approximate;
import dev.netcost.Shape;

/**
 * An element-wise activation: {@code @ReLU}, {@code @ReLU6}, {@code @Sigmoid}, {@code @Tanh},
 * {@code @SiLU}, {@code @GELU}, {@code @Hardswish}, {@code @Hardsigmoid}, {@code @LeakyReLU}, {@code @Mish},
 * {@code @QuickGELU}.
 */
public record Activation(Kind kind) implements Op {
    /** Per token: element by element. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    /** The activations and their FLOPs per element, by the cost model. */
    public enum Kind {
        RELU("ReLU", 1),
        RELU6("ReLU6", 1),
        SIGMOID("Sigmoid", 4),
        TANH("Tanh", 4),
        SILU("SiLU", 4),
        GELU("GELU", 4),
        /** {@code x * relu6(x + 3) / 6}: hard sigmoid's three, and the multiply. */
        HARDSWISH("Hardswish", 4),
        /** {@code relu6(x + 3) / 6}: add, clamp (one, as ReLU6), divide. */
        HARDSIGMOID("Hardsigmoid", 3),
        /** {@code x >= 0 ? x : slope * x}: a compare and a multiply; the slope changes no figure. */
        LEAKY_RELU("LeakyReLU", 2),
        /** {@code x * tanh(softplus(x))}: softplus's exp, add and log, tanh's 4 as above, the multiply. */
        MISH("Mish", 8),
        /**
         * GELU's tanh form, {@code 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))}: the cube 2, times
         * 0.044715, plus x, times sqrt(2/pi), tanh's 4, plus 1, times x and 0.5.
         */
        GELU_TANH("GELU", 12),
        /**
         * CLIP's {@code x * sigmoid(1.702 * x)}: the sigmoid and its product by x, 4 as SiLU's, and the
         * multiply by 1.702.
         */
        QUICK_GELU("QuickGELU", 5);

        private final String displayName;
        private final int flopsPerElement;

        Kind(String displayName, int flopsPerElement) {
            this.displayName = displayName;
            this.flopsPerElement = flopsPerElement;
        }
    }

    /** {@code @GELU(approximate = ...)}: the exact form, or the tanh form. */
    public static Activation gelu(Approximate approximate) {
        return new Activation(approximate == Approximate.TANH ? Kind.GELU_TANH : Kind.GELU);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(kind.flopsPerElement, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return kind.displayName;
    }
}
