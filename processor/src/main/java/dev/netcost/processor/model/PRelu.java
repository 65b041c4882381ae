package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @PReLU}, PyTorch's {@code PReLU(num_parameters)}: a leaky ReLU with learned slopes, one
 * shared or one per channel. PyTorch learns them along axis 1 of {@code (N, C, ...)}, which on
 * tokens {@code (N, T, E)} is T and on a channels-last map H: nobody means that, so more than one
 * slope is taken on a channels-first map only, and refused elsewhere with the fix.
 */
public record PRelu(int parameters) implements Op {
    /** Per token: element by element. */
    @Override
    public boolean perToken() {
        return true;
    }

    @Override
    public Set<Layout> accepts() {
        // One shared slope works on any layout; outputShape refuses more on tokens and channels last.
        return EnumSet.allOf(Layout.class);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.PARAMETERS, parameters, 1, "number of learned slopes");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (parameters == 1) {
            return ShapeResult.of(input);
        }
        if (layout == Layout.TOKENS) {
            return ShapeResult.failed(Message.PRELU_SLOPES_ON_TOKENS.on(Attr.PARAMETERS, parameters));
        }
        if (layout == Layout.CHANNELS_LAST) {
            return ShapeResult.failed(Message.PRELU_SLOPES_ON_CHANNELS_LAST.on(Attr.PARAMETERS, parameters));
        }
        if (parameters != input.dim(0)) {
            return ShapeResult.failed(Message.PRELU_SLOPES_NOT_CHANNELS.on(Attr.PARAMETERS, parameters, input.dim(0)));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // A compare and a multiply per element.
        return new Cost(parameters, 0, 0, Math.multiplyExact(2, output.numel()));
    }

    /**
     * {@code dX = x > 0 ? dY : a * dY}, a compare and a multiply per element; {@code da = sum(x <= 0 ?
     * x * dY : 0)}, a multiply and an add per element. It keeps its input whenever it runs backward,
     * as {@code _prelu_kernel_backward(grad, self, weight)} reads it for both.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        Work each = Work.flops(Math.multiplyExact(2, output.numel()));
        return ProductGradients.of(forward.flops(), pass, each, Work.NONE, each, Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "PReLU";
    }
}
