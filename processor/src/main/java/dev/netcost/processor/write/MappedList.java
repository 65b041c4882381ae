package dev.netcost.processor.write;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A read-only view of a list, each element made from the source's when it is read: the writers
 * keep the rows they look at, not a copy of every layer of a network of half a million. A named
 * subclass says how in {@link #map}, where a function would be a lambda that a cold compile spins a
 * class for (see {@code ColdPathRulesTest}).
 *
 * @param <T> the source's elements
 * @param <R> the view's
 */
abstract class MappedList<T, R> extends AbstractList<R> implements RandomAccess {
    private final List<T> source;

    MappedList(List<T> source) {
        this.source = source;
    }

    /** The view's element for one of the source's. */
    abstract R map(T element);

    @Override
    public final R get(int index) {
        return map(source.get(index));
    }

    @Override
    public final int size() {
        return source.size();
    }
}
