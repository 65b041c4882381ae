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

    // get, then put when absent, rather than computeIfAbsent: its function would be a lambda, which a
    // cold compile pays for (ColdPathRulesTest).

    /** An op you declare, for these values of its attributes. */
    Computation build(OpTemplate.User template, Map<String, Object> values) {
        Map<Map<String, Object>, Computation> byValues = users.get(template);
        if (byValues == null) {
            byValues = new HashMap<>();
            users.put(template, byValues);
        }
        Map<String, Object> key = Map.copyOf(values);
        Computation op = byValues.get(key);
        if (op == null) {
            op = new UserOp(template.decl(), key);
            byValues.put(key, op);
        }
        return op;
    }

    Computation build(OpTemplate.Parameterized template, Map<Attr, Object> values) {
        Map<Map<Attr, Object>, Computation> byValues = built.get(template);
        if (byValues == null) {
            byValues = new HashMap<>();
            built.put(template, byValues);
        }
        Computation op = byValues.get(values);
        if (op == null) {
            op = template.kind().build(new AttrValues(values));
            byValues.put(values, op);
        }
        return op;
    }
}
