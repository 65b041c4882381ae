package dev.netcost.processor.write;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A read-only view of a list through a function, each element made when it is read: the writers
 * keep the rows they look at, not a copy of every layer of a network of half a million.
 */
final class MappedList {
    private MappedList() {}

    static <T, R> List<R> of(List<T> source, Function<? super T, ? extends R> map) {
        final class View extends AbstractList<R> implements RandomAccess {
            @Override
            public R get(int index) {
                return map.apply(source.get(index));
            }

            @Override
            public int size() {
                return source.size();
            }
        }
        return new View();
    }
}
