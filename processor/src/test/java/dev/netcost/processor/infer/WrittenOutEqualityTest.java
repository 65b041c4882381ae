package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Work;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records whose {@code equals} and {@code hashCode} are written out, for cold compiles'
 * sake (ColdPathRulesTest), still mean what a record's do: equal exactly when every component is.
 */
class WrittenOutEqualityTest {
    @Test
    void recordsOfLongsAreEqualExactlyWhenEveryComponentIs() throws Exception {
        for (Class<?> type : List.<Class<?>>of(Cost.class, Traffic.class, Work.class)) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            java.util.Arrays.fill(types, long.class);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            Object[] values = new Object[components.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = 10L + i;
            }
            Object one = canonical.newInstance(values);
            Object same = canonical.newInstance(values.clone());
            assertEquals(one, same, type.getSimpleName());
            assertEquals(one.hashCode(), same.hashCode(), type.getSimpleName());
            for (int i = 0; i < values.length; i++) {
                Object[] changed = values.clone();
                changed[i] = 99L;
                assertNotEquals(one, canonical.newInstance(changed),
                        type.getSimpleName() + " " + components[i].getName());
            }
            assertNotEquals(one, null);
            assertNotEquals(one, "not a " + type.getSimpleName());
        }
    }

    @Test
    void originsAreEqualWhenTheirArgumentsAre() {
        assertEquals(Origin.of("a", 1), Origin.of("a", 1));
        assertEquals(Origin.of("a", 1).hashCode(), Origin.of("a", 1).hashCode());
        assertNotEquals(Origin.of("a", 1), Origin.of("b", 1));
        assertNotEquals(Origin.of("a", 1), Origin.of("a", 2));
        assertEquals(Origin.NONE, new Origin(List.of()));
        assertEquals(Origin.of("a", 1).and(Origin.of("b", 2)), Origin.of("a", 1).and(Origin.of("b", 2)));
        assertNotEquals(Origin.of("a", 1).and(Origin.of("b", 2)), Origin.of("a", 1));
    }
}
