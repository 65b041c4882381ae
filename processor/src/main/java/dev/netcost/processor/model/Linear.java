package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @Linear}: a fully connected layer on a vector. */
public record Linear(int out, boolean bias) implements Op {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.OUT, out, 1, "number of output features");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() != 1) {
            return ShapeResult.failed(Fault.onAnnotation(ProblemKind.NEEDS_FLATTEN, "@Linear needs a vector, but its"
                    + " input still has spatial dimensions; add a @Flatten layer before it (it would give ("
                    + input.numel() + "))"));
        }
        return ShapeResult.of(Shape.of(out));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long in = input.dim(0);
        long weights = Math.multiplyExact(in, (long) out);
        long params = Math.addExact(weights, bias ? out : 0);
        // Per output: in multiplies, in - 1 adds, one more add with a bias.
        long flops = Math.multiplyExact((long) out, Math.multiplyExact(2, in) - 1 + (bias ? 1 : 0));
        return new Cost(params, 0, weights, flops);
    }

    @Override
    public String displayName(Shape input) {
        return "Linear";
    }
}
