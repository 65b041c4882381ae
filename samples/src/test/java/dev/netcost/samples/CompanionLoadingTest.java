package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures are compile-time constants: javac copies them into the code that reads them, so
 * reading {@code PARAMS} loads no generated class and never builds its layer table.
 */
class CompanionLoadingTest {
    /** Reads a figure, as a user's budget check would. */
    static final class ReadsParams {
        static long params() {
            return ResNet50Cost.PARAMS;
        }
    }

    /** Reads the layer table: the control, which must load the companion. */
    static final class ReadsLayers {
        static long params() {
            return ResNet50Cost.LAYERS.size();
        }
    }

    /** Defines the samples' classes itself, parent last, and records each one it defines. */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> defined = new ArrayList<>();

        RecordingLoader() {
            super(CompanionLoadingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.netcost.samples.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = classBytes(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                    defined.add(name);
                }
                return loaded;
            }
        }
    }

    private static byte[] classBytes(String name) {
        try (InputStream in = CompanionLoadingTest.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            assertNotNull(in, name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordingLoader call(Class<?> reader, long expected) throws ReflectiveOperationException {
        RecordingLoader loader = new RecordingLoader();
        Method params = loader.loadClass(reader.getName()).getDeclaredMethod("params");
        params.setAccessible(true);
        assertEquals(expected, params.invoke(null));
        return loader;
    }

    @Test
    void readingParamsLoadsNoGeneratedClass() throws ReflectiveOperationException {
        RecordingLoader loader = call(ReadsParams.class, 25_557_032L); // torchvision's num_params
        // javac copied the value into params() (an ldc2_w): the companion is never loaded, so its
        // class initializer, which decodes the layer table, never runs. (javac still names the
        // companion in the reader's constant pool, for tools that track dependencies; naming a
        // class there loads nothing.)
        assertEquals(List.of(ReadsParams.class.getName()), loader.defined);
    }

    @Test
    void readingTheLayerTableLoadsTheCompanion() throws ReflectiveOperationException {
        // ResNet-50's layers: 4 in the stem; 16 bottlenecks of 10, and 2 more (the projection) in the
        // first of each of the 4 stages; 3 in the head.
        RecordingLoader loader = call(ReadsLayers.class, 4 + 16 * 10 + 4 * 2 + 3);
        assertTrue(loader.defined.contains(ResNet50Cost.class.getName()), loader.defined.toString());
    }
}
