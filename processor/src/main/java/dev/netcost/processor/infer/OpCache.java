package dev.netcost.processor.infer;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValues;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.UserOp;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The ops built from templates, one per template and set of values: the instances of a repeated
 * block mostly evaluate to the same values, and an op is an immutable value, so they share it
 * rather than each holding a copy.
 */
final class OpCache {
    private final Map<OpTemplate.Parameterized, Map<Map<Attr, Object>, Computation>> built = new IdentityHashMap<>();

    private final Map<OpTemplate.User, Map<Map<String, Object>, Computation>> users = new IdentityHashMap<>();

    /** An op you declare, for these values of its attributes. */
    Computation build(OpTemplate.User template, Map<String, Object> values) {
        return users.computeIfAbsent(template, t -> new HashMap<>())
                .computeIfAbsent(Map.copyOf(values), v -> new UserOp(template.decl(), v));
    }

    Computation build(OpTemplate.Parameterized template, Map<Attr, Object> values) {
        return built.computeIfAbsent(template, t -> new HashMap<>())
                .computeIfAbsent(values, v -> template.kind().build(new AttrValues(v)));
    }
}
