package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Linear}: a fully connected layer on a vector {@code (F)}, or on each token of {@code (T, E)},
 * or on each position of a channels-last map {@code (H, W, C)}.
 */
public record Linear(int out, boolean bias) implements Op {
    /** Per token: a product per token. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** A vector; tokens and channels-last maps per token and per position. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.OUT, out, 1, "number of output features");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (layout == Layout.TOKENS || layout == Layout.CHANNELS_LAST) {
            long[] dims = input.dims();
            dims[dims.length - 1] = out;
            return ShapeResult.of(Shape.of(dims));
        }
        if (input.rank() != 1) {
            return ShapeResult.failed(Message.LINEAR_NEEDS_FLATTEN.onAnnotation(input.numel()));
        }
        return ShapeResult.of(Shape.of(out));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long in = input.dim(input.rank() - 1);
        long rows = input.numel() / in; // a token or a position of a channels-last map each
        long weights = Math.multiplyExact(in, (long) out);
        long params = Math.addExact(weights, bias ? out : 0);
        // Per output: in multiplies, in - 1 adds, one more add with a bias.
        long flops = Math.multiplyExact(Math.multiplyExact(rows, out), Math.multiplyExact(2, in) - 1 + (bias ? 1 : 0));
        return new Cost(params, 0, Math.multiplyExact(rows, weights), flops);
    }

    @Override
    public java.util.Optional<Shape> weightShape(Shape input) {
        return java.util.Optional.of(Shape.of(out, input.dim(input.rank() - 1)));
    }

    /** One new token is one row; a layer on one vector (a pooled head) runs once for it. */
    @Override
    public java.util.Optional<DecodeCost> decodeCost(Shape input, Cost cost) {
        return java.util.Optional.of(new DecodeCost(Math.multiplyExact(input.dim(input.rank() - 1), (long) out), 0));
    }

    /**
     * {@code dX = dY W}, {@code R*F*Fout} MACs; {@code dW = dY^T X}, as many, and the bias's
     * {@code sum dY}, one add per output element. It keeps its input only for its weight's gradient,
     * as {@code mm} saves {@code mat1} only when {@code mat2} requires a gradient.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return ProductGradients.ofProducts(forward, pass, bias ? output.numel() : 0,
                pass.weightGradient() ? Saved.INPUT : Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return "Linear";
    }
}
