package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** An op's answer to "what comes out for this input": a shape, or the faults that prevent one. */
public sealed interface ShapeResult {
    record Ok(Shape shape) implements ShapeResult {}

    record Failed(List<Fault> faults) implements ShapeResult {
        public Failed {
            faults = List.copyOf(faults);
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("a failed shape needs a fault");
            }
        }
    }

    static ShapeResult of(Shape shape) {
        return new Ok(shape);
    }

    static ShapeResult failed(Fault fault) {
        return new Failed(List.of(fault));
    }

    static ShapeResult failed(List<Fault> faults) {
        return new Failed(faults);
    }
}
