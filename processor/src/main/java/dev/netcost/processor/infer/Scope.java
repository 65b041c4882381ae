package dev.netcost.processor.infer;

import dev.netcost.processor.model.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where names resolve while blocks are expanded: the network's fields, or one block instance's.
 *
 * @param prefix     the instance's path and a dot, {@code layer3[0].}; empty for the network
 * @param values     the parameters' values and {@code in}
 * @param origins    for each parameter, the arguments written at the network's field it comes from
 * @param field      the network's field this scope belongs to, where its problems are reported
 * @param own        whether this is the network's own scope
 * @param names      tensors by field name, filled as fields are expanded
 * @param input      the tensor {@code "input"} names
 * @param layers     the layers of this scope's fields, by field name, as {@code @Tied} names them
 * @param trainingOnly whether everything in it runs only in training: an instance of a
 *     {@code @TrainingOnly} use, or of a block inside one
 * @param frozen     whether its layers' parameters get no gradient: an instance of a {@code @Frozen}
 *     use, or of a block inside one
 * @param copies     inside the expert of a mixture of experts, how many copies of each layer are
 *     stored and run per token
 * @param leftOut    the fields of this scope an {@code @If} left out, filled as fields are expanded:
 *     their names read their input, and name no layer of their own
 */
record Scope(String prefix, Map<String, Object> values, Map<String, Origin> origins, int field, boolean own,
        Map<String, Integer> names, int input, Map<String, Integer> layers, boolean trainingOnly,
        boolean frozen, ExpertCopies copies, Set<String> leftOut) {

    /** The network's own scope, whose only variable is {@code in}. */
    static Scope network(long inFeatures, int input) {
        Map<String, Object> values = new HashMap<>();
        values.put(DeclarationChecks.IN, inFeatures);
        return new Scope("", values, Map.of(), -1, true, new HashMap<>(), input, new HashMap<>(), false, false,
                ExpertCopies.ONE, new java.util.HashSet<>());
    }

    /** The network's scope while its field {@code index} is expanded. */
    Scope atField(int index) {
        return new Scope(prefix, values, origins, index, own, names, input, layers, trainingOnly, frozen, copies, leftOut);
    }

    /**
     * One block instance inside this scope, with its parameters' values and their origins.
     *
     * @param trainingOnly whether the use is {@code @TrainingOnly}; inside a training-only scope,
     *     every instance is
     * @param frozen whether the use is {@code @Frozen}; inside a frozen scope, every instance is
     * @param routing {@code @MixtureOfExperts} on the use: the instance is one expert of a mixture
     */
    Scope instance(String path, Map<String, Object> values, Map<String, Origin> origins, int input,
            boolean trainingOnly, boolean frozen, java.util.Optional<dev.netcost.processor.model.Routing> routing) {
        return new Scope(path + ".", values, origins, field, false, new HashMap<>(), input, new HashMap<>(),
                this.trainingOnly || trainingOnly, this.frozen || frozen,
                routing.isPresent() ? copies.within(routing.get()) : copies, new java.util.HashSet<>());
    }

    /** Every argument written at the network's field that {@code expr} depends on. */
    Origin originOf(Expr expr) {
        if (origins.isEmpty()) {
            return Origin.NONE;
        }
        Set<String> variables = new LinkedHashSet<>();
        expr.variables(variables);
        Origin origin = Origin.NONE;
        for (String v : variables) {
            origin = origin.and(origins.getOrDefault(v, Origin.NONE));
        }
        return origin;
    }

    /** The parameter values an expression saw, for messages: {@code width = 64, in = 256}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>(values.keySet());
        java.util.Collections.sort(names);
        for (String k : names) {
            parts.add(k + " = " + values.get(k));
        }
        return String.join(", ", parts);
    }
}
