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
        /** Backward {@code threshold_backward(grad, result, 0)}: one compare and select; keeps its output. */
        RELU("ReLU", 1, 1, Keeps.OUTPUT),
        /** {@code hardtanh(x, 0, 6)}; backward {@code hardtanh_backward(grad, self)}: two compares; keeps its input. */
        RELU6("ReLU6", 1, 2, Keeps.INPUT),
        /** Backward {@code sigmoid_backward(grad, result)}, {@code dy * (1 - y) * y}: 3; keeps its output. */
        SIGMOID("Sigmoid", 4, 3, Keeps.OUTPUT),
        /** Backward {@code tanh_backward(grad, result)}, {@code dy * (1 - y * y)}: 3; keeps its output. */
        TANH("Tanh", 4, 3, Keeps.OUTPUT),
        /**
         * Backward {@code silu_backward(grad, self)}, {@code dy * s * (1 + x * (1 - s))}: the sigmoid {@code s}
         * again 4, then subtract, multiply, add, multiply, multiply 5: 9; keeps its input.
         */
        SILU("SiLU", 4, 9, Keeps.INPUT),
        /**
         * Backward {@code gelu_backward(grad, self)}, {@code dy * (cdf + x * pdf)}: the cdf
         * {@code 0.5 * (1 + erf(x / sqrt 2))} 4, the pdf {@code kBeta * exp(-0.5 * x * x)} 4, the multiply by x,
         * the add and the multiply by dy 3: 11; keeps its input.
         */
        GELU("GELU", 4, 11, Keeps.INPUT),
        /**
         * {@code x * relu6(x + 3) / 6}: hard sigmoid's three, and the multiply. Backward
         * {@code hardswish_backward(grad, self)}, {@code x < -3 ? 0 : x <= 3 ? dy * (x / 3 + 0.5) : dy}: two
         * compares, a divide, an add and a multiply, 5; keeps its input.
         */
        HARDSWISH("Hardswish", 4, 5, Keeps.INPUT),
        /**
         * {@code relu6(x + 3) / 6}: add, clamp (one, as ReLU6), divide. Backward
         * {@code hardsigmoid_backward(grad, self)}, {@code -3 < x < 3 ? dy / 6 : 0}: two compares and a
         * multiply, 3; keeps its input.
         */
        HARDSIGMOID("Hardsigmoid", 3, 3, Keeps.INPUT),
        /**
         * {@code x >= 0 ? x : slope * x}: a compare and a multiply; the slope changes no figure. Backward
         * {@code leaky_relu_backward(grad, self)}, {@code x > 0 ? dy : dy * slope}: 2; keeps its input.
         */
        LEAKY_RELU("LeakyReLU", 2, 2, Keeps.INPUT),
        /**
         * {@code x * tanh(softplus(x))}: softplus's exp, add and log, tanh's 4 as above, the multiply.
         * Backward {@code mish_backward(grad, self)}, {@code dy * (t + x * s * (1 - t * t))} with
         * {@code t = tanh(softplus(x))} and {@code s = sigmoid(x)}: s 4, softplus 3, tanh 4, then square,
         * subtract, two multiplies, add and the multiply by dy 6: 17; keeps its input.
         */
        MISH("Mish", 8, 17, Keeps.INPUT),
        /**
         * GELU's tanh form, {@code 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))}: the cube 2, times
         * 0.044715, plus x, times sqrt(2/pi), tanh's 4, plus 1, times x and 0.5. Backward, PyTorch's
         * {@code GeluBackward} kernel for {@code approximate='tanh'}: {@code x*x} 1, its cube 1, the inner
         * {@code kBeta * (x + kKappa * x^3)} 3, its tanh 4, {@code left = 0.5x} 1, {@code right = 1 + tanh} 1,
         * {@code 0.5 * right} 1, {@code 1 - tanh^2} 2, {@code kBeta * (1 + 3 kKappa x^2)} 3, the product of
         * left and the two derivatives 2, the sum and the multiply by dy 2: 21; keeps its input.
         */
        GELU_TANH("GELU", 12, 21, Keeps.INPUT),
        /**
         * CLIP's {@code x * sigmoid(1.702 * x)}: the sigmoid and its product by x, 4 as SiLU's, and the
         * multiply by 1.702. Backward, op by op: the product's {@code dy * s} and {@code dy * x} 2, the
         * sigmoid's {@code ds * s * (1 - s)} 3, the multiply by 1.702 1, and the two gradients of x added 1:
         * 7; keeps its input and {@code s} ({@link Keeps#INPUT_AND_SIGMOID}).
         */
        QUICK_GELU("QuickGELU", 5, 7, Keeps.INPUT_AND_SIGMOID);

        private final String displayName;
        private final int flopsPerElement;
        private final int backwardFlopsPerElement;
        private final Keeps keeps;

        Kind(String displayName, int flopsPerElement, int backwardFlopsPerElement, Keeps keeps) {
            this.displayName = displayName;
            this.flopsPerElement = flopsPerElement;
            this.backwardFlopsPerElement = backwardFlopsPerElement;
            this.keeps = keeps;
        }
    }

    /** What PyTorch's autograd saves for an activation, by {@code derivatives.yaml}. */
    private enum Keeps {
        /** {@code result}: ReLU, sigmoid, tanh. */
        OUTPUT,
        /** {@code self}: the others. */
        INPUT,
        /**
         * QuickGELU, {@code x * torch.sigmoid(1.702 * x)}, three ops: the multiply by a number keeps
         * nothing, the sigmoid its output {@code s}, the product {@code x * s} both factors: the input,
         * and {@code s}, a tensor of its own.
         */
        INPUT_AND_SIGMOID
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

    /**
     * Its gradient element by element, {@link Kind}'s count per element of the output, and what
     * {@code derivatives.yaml} saves: the output ({@code result}) or the input ({@code self}).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        Saved saved = switch (kind.keeps) {
            case OUTPUT -> Saved.OUTPUT;
            case INPUT -> Saved.INPUT;
            case INPUT_AND_SIGMOID -> new Saved(true, false, output.numel(), 0);
        };
        return new Backprop(forward.flops(),
                Work.flops(Math.multiplyExact(kind.backwardFlopsPerElement, output.numel())), Work.NONE, saved);
    }

    @Override
    public String displayName(Shape input) {
        return kind.displayName;
    }
}
