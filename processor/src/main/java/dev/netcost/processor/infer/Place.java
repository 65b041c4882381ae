package dev.netcost.processor.infer;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Problem;
import java.util.Map;

/**
 * Where the problems of one layer or block instance are reported. On the network's own field,
 * on the value at fault. Inside a block, on the network's field that uses the block, at the
 * argument the value at fault came from ({@link Origin#place}); the message names the path.
 *
 * @param field   the network's field
 * @param own     whether the layer is the network's own field rather than inside a block
 * @param origins inside a block, the arguments each attribute's value came from
 * @param named   the same for the attributes of an op you declare, by name
 */
record Place(int field, boolean own, Map<Attr, Origin> origins, Map<String, Origin> named) {
    Place {
        origins = Map.copyOf(origins);
        named = Map.copyOf(named);
    }

    static Place of(Scope scope, Map<Attr, Origin> origins) {
        return of(scope, origins, Map.of());
    }

    /** @param named inside a block, the arguments each attribute of an op you declare came from, by its name */
    static Place of(Scope scope, Map<Attr, Origin> origins, Map<String, Origin> named) {
        return new Place(scope.field(), scope.own(), origins, named);
    }

    /**
     * A fault on one of the layer's attributes, or on the layer as a whole. An attribute of an op
     * you declare is named by the fault's {@link Fault#argument()}.
     */
    Problem problem(Fault fault) {
        if (fault.attr().isEmpty() && fault.argument().isPresent()) {
            String name = fault.argument().get();
            return problem(fault, named.getOrDefault(name, Origin.NONE), name);
        }
        if (fault.attr().isEmpty()) {
            return problem(fault, Origin.NONE, "");
        }
        Attr attr = fault.attr().get();
        Origin origin = origins.get(attr);
        return problem(fault, origin == null ? Origin.NONE : origin, attr.javaName());
    }

    /**
     * A fault of a value that came from {@code origin}.
     *
     * @param what the value, as the message names it
     */
    Problem problem(Fault fault, Origin origin, String what) {
        return Problem.onLayer(field, own ? fault : origin.place(fault, what));
    }
}
