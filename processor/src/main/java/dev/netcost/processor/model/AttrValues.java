package dev.netcost.processor.model;

import java.util.List;
import java.util.Map;

/** One layer's attributes with every value known: what {@link OpKind#build} makes an op from. */
public final class AttrValues {
    private final Map<Attr, Object> values;

    /** @param values {@code Integer}, {@code List<Integer>}, {@code Boolean}, {@code Double} or an enum constant's
     *               {@code String} name, by {@link Attr.Kind} */
    public AttrValues(Map<Attr, Object> values) {
        this.values = Map.copyOf(values);
    }

    public int integer(Attr attr) {
        return (Integer) get(attr);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> ints(Attr attr) {
        return (List<Integer>) get(attr);
    }

    public boolean bool(Attr attr) {
        return (Boolean) get(attr);
    }

    public double real(Attr attr) {
        return (Double) get(attr);
    }

    /** The name of a tensor ({@link Attr.Kind#TENSOR}), held as a {@code String}; empty when none is named. */
    public String name(Attr attr) {
        return (String) get(attr);
    }

    /** An enum attribute ({@link Attr.Kind#CHOICE}) as the DSL's constant. */
    public <E extends Enum<E>> E choice(Attr attr, Class<E> type) {
        return Enum.valueOf(type, (String) get(attr));
    }

    private Object get(Attr attr) {
        Object value = values.get(attr);
        if (value == null) {
            throw new IllegalStateException("no value for " + attr);
        }
        return value;
    }
}
