package dev.netcost.processor.infer;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each equal value. The layers of the instances of a repeated block have the
 * same shapes and figures, and the analysis is kept until the companion is written; so they
 * share one {@code Cost}, {@code Traffic} and {@code Shape} rather than each holding a copy.
 */
final class Interner {
    private final Map<Object, Object> values = new HashMap<>();

    /** The first value seen that equals {@code value}. */
    @SuppressWarnings("unchecked")
    <T> T intern(T value) {
        Object known = values.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }
}
